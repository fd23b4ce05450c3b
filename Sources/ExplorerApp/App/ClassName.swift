import TerminalUI

/// How an Omniglot class is named wherever it appears (the explorer's screens, `episcope
/// episode`, the lecture): "Syriac (Serto) #19 r270" is the alphabet, the character's number in
/// it and the rotation in degrees. Classes of an episode are numbered from 1 everywhere.
public enum ClassName {
    /// "Syriac (Serto)" from the folder name "Syriac_(Serto)".
    public static func alphabet(_ folder: String) -> String {
        folder.replacingOccurrences(of: "_", with: " ")
    }

    /// "#19 r270": what tells two classes of one alphabet apart.
    public static func character(_ character: Int, rotationDegrees: Int) -> String {
        rotationDegrees == 0 ? "#\(character)" : "#\(character) r\(rotationDegrees)"
    }

    /// "Syriac (Serto) #19 r270".
    public static func full(alphabet folder: String, character: Int, rotationDegrees: Int) -> String {
        alphabet(folder) + " " + Self.character(character, rotationDegrees: rotationDegrees)
    }

    /// The full name in at most `width` columns: the alphabet is shortened (with an ellipsis)
    /// before the character number, which is what tells classes apart; with `alphabetShown`
    /// false (every class from one alphabet, named once elsewhere) only the number is given.
    public static func fitted(
        alphabet folder: String, character: Int, rotationDegrees: Int, width: Int, alphabetShown: Bool = true, charset: Charset
    ) -> String {
        let number = Self.character(character, rotationDegrees: rotationDegrees)
        guard alphabetShown else { return number }
        let name = alphabet(folder)
        let room = width - CharacterWidth.of(number) - 1
        if CharacterWidth.of(name) <= room { return name + " " + number }
        let ellipsis = Symbols.ellipsis(charset)
        let kept = room - CharacterWidth.of(ellipsis)
        guard kept >= 2 else { return number }
        return String(name.prefix(kept)).trimmingSuffixSpaces + ellipsis + " " + number
    }
}

extension EpisodeView.ClassInfo {
    /// "Syriac (Serto) #19 r270" (`ClassName`).
    public var caption: String { ClassName.full(alphabet: alphabet, character: character, rotationDegrees: rotationDegrees) }

    /// `caption` in at most `width` columns (`ClassName.fitted`).
    func caption(width: Int, alphabetShown: Bool = true, charset: Charset) -> String {
        ClassName.fitted(
            alphabet: alphabet, character: character, rotationDegrees: rotationDegrees, width: width, alphabetShown: alphabetShown,
            charset: charset)
    }
}

extension EpisodeView {
    /// The one alphabet every class comes from, if they all do (the `w` key's episodes).
    public var sharedAlphabet: String? {
        guard let first = classes.first?.alphabet, classes.allSatisfy({ $0.alphabet == first }) else { return nil }
        return ClassName.alphabet(first)
    }
}

extension String {
    fileprivate var trimmingSuffixSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
