#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening a file the way a double click would: `xdg-open`, or `open` on macOS.
enum Opener {
    /// Hands the file to the desktop's opener, without waiting for it.
    static func open(_ path: String) {
        let opener = ["xdg-open", "open"].first(where: isInPath)
        guard let opener else {
            Terminal.writeError("starlog: no opener found (xdg-open or open); open \(path) in a browser\n")
            return
        }
        var pid = pid_t()
        let arguments = [opener, path]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let status = posix_spawnp(&pid, opener, nil, nil, &cArguments, environ)
        if status != 0 {
            Terminal.writeError("starlog: could not run \(opener); open \(path) in a browser\n")
        }
    }

    /// True when an executable `name` is on the PATH.
    static func isInPath(_ name: String) -> Bool {
        let path = Terminal.environment("PATH") ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }
}
