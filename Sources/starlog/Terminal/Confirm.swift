import StarlogJournal

/// Asking before a destructive step, the way `rm` does: on a terminal the
/// user answers y or n; without one, `--yes` is required.
enum Confirm {
    /// True when the user said yes (or `yes` was given); false when they
    /// said no, after saying that nothing changed. Throws (exit 64) when
    /// there is no terminal to ask on.
    static func ask(_ question: String, yes: Bool, refusal: String, declined: String = "Nothing changed.") throws -> Bool {
        if yes { return true }
        guard Terminal.stdinIsTTY else { throw JournalError.invalidInput(refusal) }
        guard saysYes(question) else {
            Terminal.writeError(declined + "\n")
            return false
        }
        return true
    }

    /// Asks `question` on stderr; y or yes, in any case, is yes.
    static func saysYes(_ question: String) -> Bool {
        Terminal.writeError(question + " [y/N] ")
        let answer = Terminal.readLine()?.trimmed.lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
