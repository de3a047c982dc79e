import Foundation
import Testing

/// Scripts/install makes a release build, which takes minutes: this suite runs
/// when STARLOG_INSTALL_TEST=1, as .ci/run sets it once after the suite. Run
/// it as .ci/run does, the test bundle directly
/// (`STARLOG_INSTALL_TEST=1 .build/debug/starlogPackageTests.xctest --testing-library swift-testing --filter InstallTests`):
/// `swift test` holds the build folder's lock while tests run, so the
/// install's own `swift build` would wait for it for ever.
let installTestEnabled = ProcessInfo.processInfo.environment["STARLOG_INSTALL_TEST"] == "1"

@Suite("Scripts/install and Scripts/uninstall, end to end", .serialized,
       .enabled(if: installTestEnabled, "set STARLOG_INSTALL_TEST=1 and run the test bundle directly, as .ci/run does: Scripts/install makes a release build, minutes long"))
struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()

    /// Every file and symbolic link under `folder`, relative to it, sorted.
    func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test("install into a fresh PREFIX, use the binary, its man pages and bash completion; install again; uninstall leaves nothing")
    func installAndUninstall() throws {
        let cli = try CLIHarness()
        let prefix = cli.directory.appendingPathComponent("pre fix").path
        let path = "/usr/bin:/bin:/usr/local/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let script = InstallTests.root.appendingPathComponent("Scripts/install").path
        let installed = try cli.runProgram(script, [prefix], environment: ["PATH": path, "HOME": cli.directory.path])
        #expect(installed.status == 0, "\(installed.stdout)\n\(installed.stderr)")
        #expect(installed.stdout.contains("Installed starlog "))
        #expect(installed.stdout.contains("export PATH=\"\(prefix)/bin:$PATH\""), "it says what to add to PATH: \(installed.stdout)")

        let expected = [
            "bin/starlog", "lib/starlog/install-manifest",
            "share/bash-completion/completions/starlog", "share/fish/vendor_completions.d/starlog.fish",
            "share/man/man1/starlog.1", "share/man/man1/starlog.list.1", "share/man/man1/starlog.practice.due.1",
            "share/zsh/site-functions/_starlog",
        ]
        let written = files(under: prefix)
        for file in expected { #expect(written.contains(file), "\(file) in \(written)") }
        let pages = written.filter { $0.hasPrefix("share/man/man1/") }
        #expect(pages.count >= 30, "one page per command: \(pages)")

        // The binary: stripped, no Swift libraries needed, and it works.
        let binary = prefix + "/bin/starlog"
        let symbols = try cli.runProgram("/usr/bin/nm", [binary])
        #expect(symbols.stderr.contains("no symbols"), "stripped: \(symbols.stderr.prefix(200))")
        let libraries = try cli.runProgram("/usr/bin/ldd", [binary])
        #expect(!libraries.stdout.contains("libswiftCore") && !libraries.stdout.contains("libFoundation"), "\(libraries.stdout)")
        let env = ["PATH": prefix + "/bin:" + path]
        #expect(try cli.runProgram(binary, ["--version"], environment: env).stdout.hasPrefix("0."))
        #expect(try cli.runProgram(binary, ["add", "--title", "Cut checkout latency", "--principle", "dive-deep"], environment: env).stdout == "1\n")
        #expect(try cli.runProgram(binary, ["list"], environment: env).stdout.contains("Cut checkout latency"))

        // The man pages render.
        let manEnv = ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80", "LANG": "C.UTF-8"]
        let main = try cli.runProgram("/usr/bin/man", ["-l", prefix + "/share/man/man1/starlog.1"], environment: manEnv)
        #expect(main.status == 0, "\(main.stderr)")
        #expect(main.stdout.contains("STARLOG(1)") && main.stdout.contains("SYNOPSIS"), "\(main.stdout.prefix(400))")
        #expect(main.stdout.contains("starlog search"))
        let list = try cli.runProgram("/usr/bin/man", ["-l", prefix + "/share/man/man1/starlog.list.1"], environment: manEnv)
        #expect(list.status == 0 && list.stdout.contains("--sort"), "\(list.stdout.prefix(400)) \(list.stderr)")

        // The installed bash completion, in a real bash, with the installed binary on PATH.
        let driver = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _starlog starlog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let completion = prefix + "/share/bash-completion/completions/starlog"
        let dive = try cli.runProgram("/bin/bash", ["-c", driver, "bash", completion, "starlog tag 1 dive"], environment: env)
        #expect(dive.stdout == "dive-deep\n", "\(dive.stdout) \(dive.stderr)")
        let show = try cli.runProgram("/bin/bash", ["-c", driver, "bash", completion, "starlog sh"], environment: env)
        #expect(show.stdout == "show\n", "\(show.stdout) \(show.stderr)")
        for shell in ["zsh", "fish"] {
            guard let program = shellPath(shell) else { continue }
            let file = shell == "zsh" ? "/share/zsh/site-functions/_starlog" : "/share/fish/vendor_completions.d/starlog.fish"
            let checked = try cli.runProgram(program, ["-n", prefix + file])
            #expect(checked.status == 0, "\(shell) -n: \(checked.stderr)")
        }

        // Installing again is harmless: the same files, the same manifest.
        let manifest = try String(contentsOfFile: prefix + "/lib/starlog/install-manifest", encoding: .utf8)
        let again = try cli.runProgram(script, [prefix], environment: ["PATH": prefix + "/bin:" + path, "HOME": cli.directory.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stdout.contains("export PATH="), "PREFIX/bin is on PATH now")
        #expect(files(under: prefix) == written)
        #expect(try String(contentsOfFile: prefix + "/lib/starlog/install-manifest", encoding: .utf8) == manifest)

        // Uninstall removes exactly what install wrote: a file of the user's stays.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: prefix + "/bin/mine"))
        let uninstall = InstallTests.root.appendingPathComponent("Scripts/uninstall").path
        let removed = try cli.runProgram(uninstall, [prefix], environment: ["PATH": path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(files(under: prefix) == ["bin/mine"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: prefix) == ["bin"], "the folders install made are gone")
        try FileManager.default.removeItem(atPath: prefix + "/bin/mine")
        let nothing = try cli.runProgram(uninstall, [prefix], environment: ["PATH": path])
        #expect(nothing.status == 0 && nothing.stdout.contains("Nothing to remove"))
    }
}
