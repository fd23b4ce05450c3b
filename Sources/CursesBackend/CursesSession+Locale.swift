import CNCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CursesSession {
    /// Adopts the user's locale (`setlocale(LC_ALL, "")`, which ncurses needs before it can
    /// draw wide characters) and reports whether its character set is UTF-8. Call it before
    /// opening a session to choose between Unicode and ASCII rendering.
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let codeset = ep_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
