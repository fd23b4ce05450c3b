import FewShot
import Foundation

/// The shipped models' accuracies beside the papers': ours are read from each model file's
/// metadata (`eval.<setting>` entries written by `episcope ship`), never typed in here.
public struct ResultsTable: Sendable, Equatable {
    /// One figure: a model in a setting, our result and the paper's.
    public struct Row: Sendable, Equatable {
        public var model: String
        public var setting: String
        /// "98.1% ± 0.3" or "MSE 0.38 after 10 steps"; `nil` when the file has no such entry.
        public var ours: String?
        public var paper: String?
    }

    public var rows: [Row]
    /// Why rows are missing, if they are.
    public var note: String?

    /// The published figures the lecture compares against (Omniglot, test classes). Reptile's are
    /// transductive (batch norm over the whole query batch); Nichol et al. give 98.9% for 5-way
    /// 5-shot one query at a time, which is the figure comparable with a model tested that way.
    static let papers: [String: [String: String]] = [
        "protonet": ["5way1shot": "98.8% (Snell 2017)", "5way5shot": "99.7%", "20way1shot": "96.0%", "20way5shot": "98.9%"],
        "maml": ["5way1shot": "98.7% (Finn 2017)", "5way5shot": "99.9%", "20way1shot": "95.8%", "20way5shot": "98.9%"],
        "fomaml": ["5way1shot": "98.3% (Finn 2017)", "5way5shot": "99.2%", "20way1shot": "89.4%", "20way5shot": "97.9%"],
        "reptile": ["5way1shot": "97.7% (Nichol 2018)", "5way5shot": "99.5% transductive (98.9)", "20way1shot": "89.4%", "20way5shot": "97.1%"],
        "matching": ["5way1shot": "98.1% (Vinyals 2016)", "5way5shot": "98.9%", "20way1shot": "93.8%", "20way5shot": "98.5%"],
        "siamese": [
            "5way1shot": "97.3% (Vinyals 2016)", "5way5shot": "98.4%", "20way1shot": "88.2%", "20way5shot": "97.0%",
            "lake_runs": "8.0% (Koch 2015)"
        ],
        "relation": ["5way1shot": "99.6% (Sung 2018)", "5way5shot": "99.8%", "20way1shot": "97.6%", "20way5shot": "99.1%"],
        "protonet-lake": ["lake_runs": "people 4.5% (Lake 2015)"],
        "mann": [StandardEvaluation.byInstanceKey: "36.4 / 82.8 / 98.1 (Santoro 2016)"],
        "lstm": [StandardEvaluation.byInstanceKey: "24.4 / 49.5 / 62.5 (Santoro 2016)"]
    ]

    static let files: [(file: String, name: String)] = [
        (ShippedModels.protoNetOneShot, "ProtoNet"), (ShippedModels.protoNetFiveShot, "ProtoNet 5-shot"),
        (ShippedModels.protoNetLake, "ProtoNet (Lake)"), (ShippedModels.matchingOneShot, "Matching Networks"),
        (ShippedModels.siamese, "Siamese network"), (ShippedModels.relationFiveWayOneShot, "Relation Networks"),
        (ShippedModels.relationFiveWayFiveShot, "Relation Networks 5-shot"),
        (ShippedModels.mamlOmniglot, "MAML"), (ShippedModels.fomamlOmniglot, "FOMAML"), (ShippedModels.reptileOmniglot, "Reptile"),
        (ShippedModels.mamlSine, "MAML sine"), (ShippedModels.pretrainedSine, "pretrained sine"),
        (ShippedModels.mannOmniglot, "MANN"), (ShippedModels.lstmOmniglot, "LSTM baseline")
    ]

    /// Reads every shipped model in `directory` (nil: none, say so).
    public static func load(directory: URL?) -> ResultsTable {
        guard let directory else { return ResultsTable(rows: [], note: "no models folder (assets/models)") }
        var rows: [Row] = []
        var missing: [String] = []
        for (file, name) in files {
            guard let summary = try? ModelSummary.read(path: directory.appendingPathComponent(file).path) else { missing.append(name); continue }
            let paperKey = file == ShippedModels.protoNetLake ? "protonet-lake" : summary.configuration.algorithm.rawValue
            let entries = summary.sortedEvaluations
            if entries.isEmpty { rows.append(Row(model: name, setting: "-", ours: nil, paper: nil)) }
            for (setting, entry) in entries {
                rows.append(Row(model: name, setting: settingName(setting), ours: describe(entry), paper: papers[paperKey]?[setting]))
            }
        }
        let note = missing.isEmpty ? nil : "not shipped yet: " + missing.joined(separator: ", ")
        return ResultsTable(rows: rows, note: note)
    }

    static func settingName(_ key: String) -> String {
        if key == "lake_runs" { return "Lake's 20 runs" }
        if key == "sine_k5" { return "sine, K=5" }
        if key == StandardEvaluation.byInstanceKey { return "1st/2nd/10th seen" }
        return key.replacingOccurrences(of: "way", with: "-way ").replacingOccurrences(of: "shot", with: "-shot")
    }

    /// One stored evaluation as a short figure.
    static func describe(_ entry: StandardEvaluation.Entry) -> String? {
        if let byInstance = entry.accuracyByInstance, byInstance.count >= 10 {
            return [0, 1, 9].map { String(format: "%.1f", Double(byInstance[$0]) * 100) }.joined(separator: " / ") + "%"
        }
        if let accuracy = entry.accuracy {
            let ci = entry.ci95.map { String(format: " ± %.1f", Double($0) * 100) } ?? ""
            return String(format: "%.1f%%", Double(accuracy) * 100) + ci
        }
        if let error = entry.errorRate { return String(format: "%.1f%% error", Double(error) * 100) }
        if let mse = entry.mseStep10 {
            let one = entry.mseStep1.map { String(format: "%.2f (1 step), ", Double($0)) } ?? ""
            return "MSE \(one)" + String(format: "%.2f (10)", Double(mse))
        }
        return nil
    }
}
