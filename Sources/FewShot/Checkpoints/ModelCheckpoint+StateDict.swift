import Autodiff
import NeuralNets

extension ModelCheckpoint {
    /// The configuration of a checkpoint that carries only tensors, as `torch.save_file(model.state_dict())`
    /// writes them for the modules documented in the README: `net.*` is the sine MLP (MAML's
    /// settings, as wide as `net.0.weight` has rows), `classifier.*` the MAML classifier with stride-2 convolutions, and `encoder.*`
    /// alone the max-pooling ConvNet4 of Prototypical Networks (Matching Networks' weights are the
    /// same tensors and load as it), with `head.*` the Siamese network, and `relation.*` the
    /// Relation Network. Shapes are checked afterwards
    /// against the architecture, as for any checkpoint.
    static func stateDictConfiguration(_ contents: SafeTensors.Contents) -> TrainingConfiguration? {
        if let first = contents["net.0.weight"] {
            var c = TrainingConfiguration.standard(.maml, .sine)
            // A width the reader's bounds refuse is reported there, with the shapes.
            if first.rank == 2, first.shape[0] != SineMLP.paperHiddenUnits { c.sineHiddenUnits = first.shape[0] }
            return c
        }
        if let head = contents["classifier.weight"] {
            guard head.rank == 2, head.shape[0] > 0 else { return nil }
            var c = TrainingConfiguration.standard(.maml, .omniglot)
            (c.ways, c.validationWays) = (head.shape[0], head.shape[0])
            return c
        }
        if contents["relation.fc1.weight"] != nil { return .standard(.relation, .omniglot) }
        if contents["head.weight"] != nil && contents["encoder.0.0.weight"] != nil { return .standard(.siamese, .omniglot) }
        if contents["encoder.0.0.weight"] != nil { return .standard(.protonet, .omniglot) }
        return nil
    }
}
