import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches a URL's bytes synchronously (the CLI has nothing else to do meanwhile).
enum Downloader {
    static func fetch(_ address: String, timeout: TimeInterval = 30) throws -> Data {
        guard let url = URL(string: address) else { throw OmniglotError.downloadFailed(url: address, reason: "bad address") }
        let result = ResultBox()
        let request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if let error {
                result.set(.failure(OmniglotError.downloadFailed(url: address, reason: error.localizedDescription)))
            } else if status != 200 {
                result.set(.failure(OmniglotError.downloadFailed(url: address, reason: "HTTP status \(status)")))
            } else {
                result.set(.success(data ?? Data()))
            }
        }
        task.resume()
        return try result.wait().get()
    }
}

/// Hands the completion handler's result to the waiting thread.
private final class ResultBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<Data, Error> = .failure(CancellationError())
    func set(_ result: Result<Data, Error>) { value = result; done.signal() }
    func wait() -> Result<Data, Error> { done.wait(); return value }
}
