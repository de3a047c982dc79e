import StarlogStorage

/// An exact solver for the assignment problem: the Hungarian algorithm
/// (Kuhn–Munkres with row and column potentials, O(n²m)), minimising the
/// total cost of giving each row a distinct column.
public enum Hungarian {
    /// For a cost matrix of `rows` ≤ `columns`, the column chosen for each
    /// row so that the sum of costs is the least possible.
    public static func solve(_ cost: [[Int64]]) -> [Int] {
        let n = cost.count
        guard n > 0 else { return [] }
        let m = cost[0].count
        precondition(m >= n, "the assignment needs at least as many columns as rows")
        let infinity = Int64.max / 4
        // 1-based, as in the classic formulation; column 0 is a sentinel.
        var u = [Int64](repeating: 0, count: n + 1)
        var v = [Int64](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1) // row assigned to each column
        var way = [Int](repeating: 0, count: m + 1)
        for row in 1...n {
            owner[0] = row
            var column0 = 0
            var minimum = [Int64](repeating: infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[column0] = true
                let row0 = owner[column0]
                var delta = infinity
                var column1 = 0
                for column in 1...m where !used[column] {
                    let reduced = cost[row0 - 1][column - 1] - u[row0] - v[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...m {
                    if used[column] {
                        u[owner[column]] += delta
                        v[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while owner[column0] != 0
            repeat {
                let column1 = way[column0]
                owner[column0] = owner[column1]
                column0 = column1
            } while column0 != 0
        }
        var assignment = [Int](repeating: -1, count: n)
        for column in 1...m where owner[column] != 0 {
            assignment[owner[column] - 1] = column - 1
        }
        return assignment
    }
}
