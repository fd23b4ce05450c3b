extension Algorithm {
    /// The learner's usual short name, as screens, tables and captions print it.
    public var displayName: String {
        switch self {
        case .protonet: return "ProtoNet"
        case .matching: return "Matching Networks"
        case .siamese: return "Siamese"
        case .relation: return "Relation Networks"
        case .maml: return "MAML"
        case .fomaml: return "FOMAML"
        case .reptile: return "Reptile"
        case .pretrained: return "Pretrained"
        case .mann: return "MANN"
        case .lstm: return "LSTM"
        }
    }
}
