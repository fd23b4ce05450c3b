#if canImport(Darwin)
    import Darwin

    @inline(__always) private func systemWidth(_ value: UInt32) -> Int32 { wcwidth(wchar_t(bitPattern: value)) }
#else
    // Glibc's module map hides wcwidth (it sits behind _XOPEN_SOURCE in <wchar.h>), yet the
    // symbol is always in libc; binding it by name avoids a C target just for one function.
    @_silgen_name("wcwidth")
    private func glibcWcwidth(_ character: Int32) -> Int32

    @inline(__always) private func systemWidth(_ value: UInt32) -> Int32 { glibcWcwidth(Int32(bitPattern: value)) }
#endif

/// Display widths of characters, as the terminal will lay them out.
///
/// `wcwidth` is authoritative because ncurses uses it too, but it only knows non-ASCII
/// characters once the process has called `setlocale` with a UTF-8 locale. Tests and
/// `episcope render` run without that, so when `wcwidth` refuses a printable character we
/// fall back to a small table of the wide and zero-width ranges this program can meet.
public enum CharacterWidth {
    /// Columns taken by `scalar`: 0 (combining or control), 1 or 2.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        let width = Int(systemWidth(value))
        return width >= 0 ? width : fallback(value)
    }

    /// Columns taken by `text` when laid out on one line.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    static func fallback(_ value: UInt32) -> Int {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F,
            0xFE20...0xFE2F, 0x200B...0x200F:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
