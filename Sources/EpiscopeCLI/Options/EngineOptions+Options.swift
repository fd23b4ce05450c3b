import ExplorerApp

extension EngineOptions {
    /// The explorer engine's options with the folders given on the command line.
    init(data: DataOptions, models: ModelsOptions) {
        self.init()
        dataDirectory = data.data
        modelsDirectory = models.directory
    }
}
