/// The gradients of the scalar `output` with respect to each of `inputs`.
///
/// Inputs that `output` does not depend on get zero gradients. With `keepingGraph: true` the
/// gradient computations are themselves recorded, so the returned gradients can be
/// differentiated again (MAML's outer step differentiates through the inner step this way).
public func gradients(of output: Tensor, withRespectTo inputs: [Tensor], keepingGraph: Bool = false) -> [Tensor] {
    precondition(output.count == 1, "gradients(of:): output must be a scalar, got shape \(output.shape)")
    let seed = Tensor(repeating: 1, shape: output.shape)
    return gradients(of: output, seed: seed, withRespectTo: inputs, keepingGraph: keepingGraph)
}

/// Vector-Jacobian product: the gradients of `<output, seed>` with respect to `inputs`.
public func gradients(of output: Tensor, seed: Tensor, withRespectTo inputs: [Tensor], keepingGraph: Bool = false) -> [Tensor] {
    precondition(seed.shape == output.shape, "gradients(of:seed:): seed \(seed.shape) vs output \(output.shape)")
    guard let root = output.node else { return inputs.map { Tensor(zeros: $0.shape) } }
    let targets = Set(inputs.compactMap { $0.node.map(ObjectIdentifier.init) })
    let order = relevantNodesInTopologicalOrder(from: root, targets: targets)

    var accumulated: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
    let relevant = Set(order.map(ObjectIdentifier.init))
    let run = {
        for node in order.reversed() {
            let id = ObjectIdentifier(node)
            guard let backward = node.backward, let upstream = accumulated[id] else { continue }
            // A target reached only as a target (an intermediate tensor asked for by name,
            // such as MAML's per-task fast weights) needs no further propagation.
            guard node.inputs.contains(where: { $0.map { relevant.contains(ObjectIdentifier($0)) } ?? false }) else {
                continue
            }
            if !targets.contains(id) { accumulated[id] = nil }  // free intermediate gradients early
            let inputGradients = backward(upstream)
            for (input, gradient) in zip(node.inputs, inputGradients) {
                guard let input, let gradient else { continue }
                let inputID = ObjectIdentifier(input)
                guard relevant.contains(inputID) else { continue }
                if let existing = accumulated[inputID] {
                    accumulated[inputID] = existing + gradient
                } else {
                    accumulated[inputID] = gradient
                }
            }
        }
    }
    if keepingGraph { withRecording(run) } else { withoutRecording(run) }
    return inputs.map { input in
        guard let node = input.node, let gradient = accumulated[ObjectIdentifier(node)] else {
            return Tensor(zeros: input.shape)
        }
        return gradient
    }
}

/// Nodes reachable from `root` that lie on a path to one of `targets`, inputs before users.
private func relevantNodesInTopologicalOrder(from root: GraphNode, targets: Set<ObjectIdentifier>) -> [GraphNode] {
    var leadsToTarget: [ObjectIdentifier: Bool] = [:]
    var order: [GraphNode] = []
    // Iterative post-order DFS: graphs of unrolled inner loops are deep.
    var stack: [(GraphNode, Int)] = [(root, 0)]
    var visiting = Set<ObjectIdentifier>()
    visiting.insert(ObjectIdentifier(root))
    while let (node, next) = stack.popLast() {
        if next < node.inputs.count {
            stack.append((node, next + 1))
            if let child = node.inputs[next] {
                let id = ObjectIdentifier(child)
                if leadsToTarget[id] == nil && !visiting.contains(id) {
                    visiting.insert(id)
                    stack.append((child, 0))
                }
            }
            continue
        }
        let id = ObjectIdentifier(node)
        let reaches = targets.contains(id) || node.inputs.contains { $0.map { leadsToTarget[ObjectIdentifier($0)] == true } ?? false }
        leadsToTarget[id] = reaches
        if reaches { order.append(node) }
    }
    return order
}
