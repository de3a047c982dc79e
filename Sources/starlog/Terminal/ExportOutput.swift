import StarlogJournal

/// Where `export` and `framework export` write: the `--output` file, whole
/// or not at all, else stdout. On a terminal the text is shown escaped as
/// all other output is, so stored text cannot steer the terminal; a pipe or
/// a file gets it byte for byte.
enum ExportOutput {
    static func write<Result>(
        to output: String?, force: Bool, journal: Journal, _ body: (ExportSink) throws -> Result
    ) throws -> Result {
        let sink: ExportSink
        if let output {
            sink = try ExportSink.file(at: output, force: force, journal: journal.path)
        } else {
            let escaped: @Sendable (String) -> String = { Shown.escape($0) }
            sink = try ExportSink.standardOutput(shown: Terminal.stdoutIsTTY ? escaped : nil)
        }
        do {
            let result = try body(sink)
            try sink.commit()
            return result
        } catch {
            sink.discard()
            throw error
        }
    }
}
