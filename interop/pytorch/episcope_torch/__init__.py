"""PyTorch companion of Episcope: the same modules under the same names, the same learners,
trained on one CPU, one GPU or many (torchrun), saved as safetensors files Episcope reads."""

__version__ = "0.1.0"
