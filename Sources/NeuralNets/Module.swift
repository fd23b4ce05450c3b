// NeuralNets module.
