#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
private typealias Glibc = Darwin
#endif

/// A pause at a named moment, for tests that send a signal or start a
/// second process exactly then. Inert unless `STARLOG_TEST_PAUSE` is
/// `NAME:FLAGFILE` with this moment's name: it then creates FLAGFILE and
/// waits (at most 30 seconds) until the test removes it.
enum TestPause {
    static func at(_ name: String) {
        guard let setting = getenv("STARLOG_TEST_PAUSE").map({ String(cString: $0) }),
              let colon = setting.firstIndex(of: ":"), setting[..<colon] == name else { return }
        let flag = String(setting[setting.index(after: colon)...])
        let descriptor = open(flag, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
        var waited = 0
        while access(flag, F_OK) == 0 && waited < 3_000 {
            usleep(10_000)
            waited += 1
        }
    }
}
