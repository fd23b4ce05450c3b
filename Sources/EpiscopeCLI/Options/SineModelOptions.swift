import ArgumentParser
import FewShot
import NeuralNets

/// `episcope train <maml|fomaml|reptile|pretrained> --dataset sine`'s network size. Unset, it is
/// Finn et al.'s 1-40-40-1 MLP.
struct SineModelOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "sine: units in each hidden layer of the MLP (paper: 40).") var hiddenUnits: Int?

    func validate() throws {
        try NumericCheck.within(
            1...SineMLP.largestHiddenUnits, hiddenUnits, "--hidden-units", why: "a checkpoint reader refuses wider sine networks")
    }

    /// The option's name when it was given, for the error when the dataset has no sine MLP.
    var givenOption: String? { hiddenUnits == nil ? nil : "--hidden-units" }
}
