import Foundation
import Testing
@testable import FewShot

@Suite("Omniglot archives")
struct OmniglotDecodeTests {
    @Test("the two archives hold the counts SOURCES.md lists")
    func counts() throws {
        let start = Date()
        let data = DataTestSupport.dataset
        print("decode took", Date().timeIntervalSince(start))
        let background = data.alphabets.filter { $0.set == .background }
        let evaluation = data.alphabets.filter { $0.set == .evaluation }
        #expect(background.count == 30)
        #expect(evaluation.count == 20)
        #expect(background.reduce(0) { $0 + $1.characters.count } == 964)
        #expect(evaluation.reduce(0) { $0 + $1.characters.count } == 659)
        #expect(data.characterCount == 1623)
        #expect(data.drawings.count == 32_460)
    }
}
