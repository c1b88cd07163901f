namespace Dedup.Engine.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
internal static class Ratios
{
    /// <summary>
    /// part / whole, and 1 when whole is 0: claiming nothing makes no false claim, and with nothing
    /// to find nothing is missed. This keeps the JSON free of NaN.
    /// </summary>
    public static double Of(long part, long whole) => whole == 0 ? 1 : (double)part / whole;

    public static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    /// <summary>Pairs among n documents, n (n - 1) / 2.</summary>
    public static long Pairs(long n) => n * (n - 1) / 2;
}
