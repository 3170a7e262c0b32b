import PatronPipeline

/// Every stage module `patron` knows. Adding one: a file with its `StageModule` type, and
/// its name on this list.
public enum BuiltinModules {
    /// `ingest.csv`, `shell`, `clean.transactions`, `segment.rfm`, `segment.kmeans`, `ltv`, `sentiment`,
    /// `churn.flag` and `report`.
    public static let registry = ModuleRegistry([
        IngestCSV.self,
        Shell.self,
        CleanTransactions.self,
        SegmentRFM.self,
        SegmentKMeans.self,
        LTV.self,
        Sentiment.self,
        ChurnFlag.self,
        Report.self,
    ])
}
