import Autodiff
import Foundation
import Testing

@testable import NeuralNets

/// The LSTM cell against a two-step LSTM unrolled by hand from its textbook equations, with four
/// separate products per gate pair: outputs and every gradient agree. Its gradients also match
/// finite differences.
@Suite struct LSTMCellTests {
    let cell = LSTMCell(inputFeatures: 3, hiddenUnits: 4)
    let parameters: ParameterList
    let inputs: [Tensor]

    init() {
        var rng = SeededGenerator(seed: 21)
        parameters = cell.initialParameters(prefix: "lstm", using: &rng)
        inputs = (0..<2).map { _ in Tensor.randomNormal(shape: [2, 3], using: &rng) }
    }

    /// Σ over both steps of a fixed weighting of h, plus one of the last c, so that every output counts.
    func loss(_ states: [LSTMCell.State]) -> Tensor {
        var rng = SeededGenerator(seed: 5)
        var total = Tensor(0)
        for s in states { total = total + (s.hidden * Tensor.randomNormal(shape: s.hidden.shape, using: &rng)).sum() }
        return total + (states.last!.cell * Tensor.randomNormal(shape: [2, 4], using: &rng)).sum()
    }

    /// The equations written out: each gate its own slice of W_ih and W_hh and its own products.
    func unrolledByHand(_ p: ParameterList, _ xs: [Tensor]) -> [LSTMCell.State] {
        var h = Tensor(zeros: [2, 4]), c = Tensor(zeros: [2, 4])
        var states: [LSTMCell.State] = []
        func gate(_ k: Int, _ x: Tensor, _ h: Tensor) -> Tensor {
            let rows = (4 * k)..<(4 * k + 4)
            return Tensor.matmul(x, p["lstm.weight_ih"].slice(alongAxis: 0, rows), transposeB: true)
                + Tensor.matmul(h, p["lstm.weight_hh"].slice(alongAxis: 0, rows), transposeB: true)
                + p["lstm.bias_ih"].slice(alongAxis: 0, rows) + p["lstm.bias_hh"].slice(alongAxis: 0, rows)
        }
        for x in xs {
            let i = gate(0, x, h).sigmoid(), f = gate(1, x, h).sigmoid(), g = gate(2, x, h).tanh(), o = gate(3, x, h).sigmoid()
            c = f * c + i * g
            h = o * c.tanh()
            states.append(LSTMCell.State(hidden: h, cell: c))
        }
        return states
    }

    func unrolledByCell(_ p: ParameterList, _ xs: [Tensor]) -> [LSTMCell.State] {
        let weights = cell.fused(p, prefix: "lstm")
        var state = LSTMCell.State.zeros(batch: 2, hiddenUnits: 4)
        return xs.map { x in
            state = cell.step(x, state: state, weights: weights)
            return state
        }
    }

    @Test func parametersHavePyTorchNamesAndShapes() {
        #expect(parameters.names == ["lstm.weight_ih", "lstm.weight_hh", "lstm.bias_ih", "lstm.bias_hh"])
        #expect(parameters.tensors.map(\.shape) == [[16, 3], [16, 4], [16], [16]])
        #expect(parameters.tensors.allSatisfy { $0.scalars.allSatisfy { Swift.abs($0) <= 0.5 } }, "U(±1/√H) with H = 4")
    }

    @Test func twoStepsMatchTheHandUnrolledEquationsWithTheirGradients() {
        let pc = parameters.variables(), ph = parameters.variables()
        let xc = inputs.map { $0.variable() }, xh = inputs.map { $0.variable() }
        let byCell = unrolledByCell(pc, xc), byHand = unrolledByHand(ph, xh)
        for (a, b) in zip(byCell, byHand) {
            #expect(zip(a.hidden.scalars, b.hidden.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
            #expect(zip(a.cell.scalars, b.cell.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
        }
        let gc = gradients(of: loss(byCell), withRespectTo: pc.tensors + xc)
        let gh = gradients(of: loss(byHand), withRespectTo: ph.tensors + xh)
        for (name, (a, b)) in zip(parameters.names + ["x0", "x1"], zip(gc, gh)) {
            #expect(a.shape == b.shape)
            let scale = max(1, b.scalars.map { Swift.abs($0) }.max() ?? 0)
            #expect(zip(a.scalars, b.scalars).allSatisfy { Swift.abs($0 - $1) / scale < 1e-5 }, "gradient of \(name)")
            #expect(a.scalars.contains { $0 != 0 }, "\(name) gets a gradient")
        }
    }

    @Test func gradientsMatchFiniteDifferences() {
        let names = parameters.names
        let f: ([Tensor]) -> Tensor = { t in
            self.loss(self.unrolledByCell(ParameterList(names: names, tensors: Array(t[0..<4])), Array(t[4...])))
        }
        let all = parameters.tensors + inputs
        let xs = all.map { $0.variable() }
        let grads = gradients(of: f(xs), withRespectTo: xs)
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<3 {
            let ds = all.map { Tensor.randomNormal(shape: $0.shape, using: &rng) }
            let analytic = zip(grads, ds).map { g, d in zip(g.scalars, d.scalars).map { Double($0 * $1) }.reduce(0, +) }.reduce(0, +)
            func moved(_ step: Float) -> [Tensor] {
                zip(all, ds).map { x, d in Tensor(shape: x.shape, scalars: zip(x.scalars, d.scalars).map { $0 + step * $1 }) }
            }
            let epsilon: Float = 1e-2
            let numeric = Double(withoutRecording { f(moved(epsilon)) }.scalar - withoutRecording { f(moved(-epsilon)) }.scalar) / Double(2 * epsilon)
            #expect(Swift.abs(analytic - numeric) / max(1, Swift.abs(numeric)) < 2e-2, "analytic \(analytic), numeric \(numeric)")
        }
    }
}
