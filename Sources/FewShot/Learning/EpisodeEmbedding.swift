import Autodiff

/// Support and query images of an episode embedded in one batch, so that batch normalisation
/// sees the whole episode (as the reference implementations of the metric learners), then split
/// back into the support rows and the query rows.
public enum EpisodeEmbedding {
    /// `embed` applied to support and query [n, ...] stacked, split into (support, query).
    public static func together(support: Tensor, query: Tensor, _ embed: (Tensor) -> Tensor) -> (support: Tensor, query: Tensor) {
        let all = embed(Tensor.concatenate([support, query], alongAxis: 0))
        let supportCount = support.shape[0]
        return (all.slice(alongAxis: 0, 0..<supportCount), all.slice(alongAxis: 0, supportCount..<all.shape[0]))
    }
}
