#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FSRS-5, the Free Spaced Repetition Scheduler, with its published default
/// parameters: the model that schedules when each story–principle pair
/// should be rehearsed again.
///
/// Source: the FSRS-5 formulas as published by the open-spaced-repetition
/// project (fsrs4anki wiki, "The Algorithm", section FSRS-5; the reference
/// implementation py-fsrs, `fsrs_v5.py`), and its 19 default weights
/// w0…w18 below. Written here from those formulas; no code was copied.
///
/// Memory state: stability S (days until recall probability falls to 90%)
/// and difficulty D (1…10). With grade G (1 Again, 2 Hard, 3 Good, 4 Easy):
///
/// - forgetting curve: R(t, S) = (1 + F·t/S)^C, C = −0.5, F = 19/81,
///   so R(S, S) = 0.9;
/// - interval for desired retention r: I = S/F · (r^(1/C) − 1), which is
///   I = S at r = 0.9; rounded to whole days, at least 1;
/// - first review: S0 = w[G−1]; D0(G) = w4 − e^(w5·(G−1)) + 1;
/// - difficulty: ΔD = −w6·(G−3); D′ = D + ΔD·(10−D)/9;
///   D″ = w7·D0(4) + (1−w7)·D′, clamped to 1…10;
/// - recall (G ≥ 2): S′ = S·(1 + e^w8·(11−D)·S^(−w9)·(e^(w10·(1−R)) − 1)
///   ·(w15 if Hard)·(w16 if Easy));
/// - lapse (G = 1): S′ = min(w11·D^(−w12)·((S+1)^w13 − 1)·e^(w14·(1−R)),
///   S / e^(w17·w18)), so a lapse keeps at most e^(−w17·w18) ≈ 0.7103 of S;
/// - same-day review (less than a whole day since the last): S′ = S·e^(w17·(G−3+w18)).
///
/// Elapsed time t is counted in whole days (whole 24-hour periods since the
/// last review, rounded down), as py-fsrs does.
///
/// No stability floor: py-fsrs 5.1.3 has none, and every formula above keeps
/// S positive (a lapse or same-day Again multiplies it by a positive
/// factor). `minimumStability` only stops a pathological run of thousands of
/// same-day Agains from underflowing to zero; it never binds in use.
///
/// Checked against py-fsrs 5.1.3 itself: `Tests/Fixtures/fsrs_reference.json`
/// (written by `Tests/Fixtures/generate_fsrs.py`) holds its results for 320
/// review histories, and the tests replay every one through starlog.
public struct FSRS: Sendable {
    /// The FSRS-5 default weights w0…w18.
    public static let defaultWeights: [Double] = [
        0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
        1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
    ]
    public static let decay = -0.5
    public static let factor = 19.0 / 81.0
    /// The longest interval, in days (a hundred years, as FSRS's default).
    public static let maximumInterval = 36_500
    /// The smallest stability kept: the smallest normal Double, so that
    /// stability never underflows to zero. It is not FSRS's; it never binds
    /// for any history short of thousands of same-day Agains.
    public static let minimumStability = Double.leastNormalMagnitude

    public let weights: [Double]
    /// The recall probability intervals aim for.
    public let desiredRetention: Double

    public init(weights: [Double] = FSRS.defaultWeights, desiredRetention: Double = 0.9) {
        precondition(weights.count == 19, "FSRS-5 has 19 weights")
        self.weights = weights
        self.desiredRetention = desiredRetention
    }

    /// A memory state.
    public struct State: Sendable, Equatable {
        public var stability: Double
        public var difficulty: Double

        public init(stability: Double, difficulty: Double) {
            self.stability = stability
            self.difficulty = difficulty
        }
    }

    /// FSRS's four grades.
    public enum Grade: Int, Sendable, CaseIterable {
        case again = 1, hard, good, easy

        /// starlog's self-rating 1–5 as a grade: 1–2 Again, 3 Hard, 4 Good, 5 Easy.
        public init(rating: Int) {
            switch rating {
            case ...2: self = .again
            case 3: self = .hard
            case 4: self = .good
            default: self = .easy
            }
        }
    }

    /// R(t, S): the probability of recall `days` after a review.
    public func retrievability(days: Double, stability: Double) -> Double {
        pow(1 + Self.factor * max(0, days) / stability, Self.decay)
    }

    /// The interval, in whole days (1 … maximumInterval), for `stability`.
    public func interval(stability: Double) -> Int {
        let days = stability / Self.factor * (pow(desiredRetention, 1 / Self.decay) - 1)
        return min(Self.maximumInterval, max(1, Int(days.rounded())))
    }

    public func initialStability(_ grade: Grade) -> Double {
        weights[grade.rawValue - 1]
    }

    public func initialDifficulty(_ grade: Grade) -> Double {
        weights[4] - exp(weights[5] * Double(grade.rawValue - 1)) + 1
    }

    public func nextDifficulty(_ difficulty: Double, _ grade: Grade) -> Double {
        let delta = -weights[6] * Double(grade.rawValue - 3)
        let damped = difficulty + delta * (10 - difficulty) / 9
        let reverted = weights[7] * initialDifficulty(.easy) + (1 - weights[7]) * damped
        return min(10, max(1, reverted))
    }

    public func recallStability(_ state: State, retrievability r: Double, _ grade: Grade) -> Double {
        let hard = grade == .hard ? weights[15] : 1
        let easy = grade == .easy ? weights[16] : 1
        return state.stability * (1 + exp(weights[8]) * (11 - state.difficulty) * pow(state.stability, -weights[9])
            * (exp(weights[10] * (1 - r)) - 1) * hard * easy)
    }

    public func forgetStability(_ state: State, retrievability r: Double) -> Double {
        let longTerm = weights[11] * pow(state.difficulty, -weights[12]) * (pow(state.stability + 1, weights[13]) - 1)
            * exp(weights[14] * (1 - r))
        return min(longTerm, state.stability / exp(weights[17] * weights[18]))
    }

    public func shortTermStability(_ stability: Double, _ grade: Grade) -> Double {
        stability * exp(weights[17] * (Double(grade.rawValue) - 3 + weights[18]))
    }

    /// The state after a review graded `grade`, `days` whole days after the
    /// previous review (nil for the first review).
    public func next(_ state: State?, grade: Grade, days: Int?) -> State {
        guard let state, let days else {
            return State(stability: max(Self.minimumStability, initialStability(grade)),
                         difficulty: min(10, max(1, initialDifficulty(grade))))
        }
        let stability: Double
        if days < 1 {
            stability = shortTermStability(state.stability, grade)
        } else {
            let r = retrievability(days: Double(days), stability: state.stability)
            stability = grade == .again ? forgetStability(state, retrievability: r) : recallStability(state, retrievability: r, grade)
        }
        return State(stability: max(Self.minimumStability, stability), difficulty: nextDifficulty(state.difficulty, grade))
    }
}
