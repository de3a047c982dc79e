/// How a transaction body asks its transaction to end.
public enum TransactionCompletion: Sendable {
    /// Keep the changes.
    case commit
    /// Undo the changes (a dry run that only counted).
    case rollback
}
