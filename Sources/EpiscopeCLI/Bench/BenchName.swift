import ArgumentParser

/// The benchmarks of `episcope bench`, by the names their lines carry: a report is made with
/// one of these and `--only` takes one of these, so what is printed is what can be asked for.
enum BenchName: String, CaseIterable, ExpressibleByArgument {
    case sgemm
    case convnet4Train = "convnet4_train"
    case mamlSine = "maml_sine"
    case mamlSineTape = "maml_sine_tape"
    case mamlOmniglot = "maml_omniglot"
    case protonetEpisode = "protonet_episode"
    case matchingEpisode = "matching_episode"
    case siameseEpisode = "siamese_episode"
    case relationEpisode = "relation_episode"
    case mannTrain = "mann_train"
    case protonetEval = "protonet_eval"
    case protonetTimeTo95 = "protonet_time_to_95"
    case protonetTimeTo98 = "protonet_time_to_98"
    case sineTimeTo07 = "sine_time_to_0.7"
    case omniglotLoad = "omniglot_load"
    case uiFrame = "ui_frame"
    case uiLatency = "ui_latency"
}
