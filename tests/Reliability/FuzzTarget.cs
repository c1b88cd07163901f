using System.Text.RegularExpressions;
using CsCheck;

namespace Dedup.Reliability;

/// <summary>
/// One thing to fuzz: a generator of cases and the property every case must satisfy, run by CsCheck for a
/// time budget (or one seed, to replay a failure), each case in a fresh temporary folder. The tests run
/// each target for seconds, <c>bench fuzz</c> for minutes. A case that hangs in this process ends the run:
/// its thread cannot be stopped.
/// </summary>
public abstract partial class FuzzTarget(string name)
{
    public string Name { get; } = name;

    /// <summary>
    /// Runs cases for <paramref name="budget"/>, or only the case of <paramref name="seed"/>, counting each in
    /// <paramref name="tally"/>. Throws <see cref="FuzzFailure"/>, with the seed of the smallest failing case,
    /// when the property failed (CsCheck spends the rest of the budget shrinking it).
    /// </summary>
    public abstract void Run(FuzzTally tally, TimeSpan budget, string? seed = null);

    /// <summary>The command that replays the case of <paramref name="seed"/>.</summary>
    public string ReplayCommand(string seed) => $"bench fuzz --target {Name} --seed {seed}";

    protected FuzzFailure Failure(CsCheckException e)
    {
        string? seed = SeedOf().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : null;
        string replay = seed is null ? "" : $"\nreplay it with: {ReplayCommand(seed)} (or CsCheck_Seed={seed} for the test)";
        return new FuzzFailure(seed, $"fuzz target '{Name}' found a failing case: {e.Message}{replay}\n{e.InnerException?.Message}", e);
    }

    [GeneratedRegex("Set seed: \"([^\"]+)\"")]
    private static partial Regex SeedOf();
}

/// <summary>A <see cref="FuzzTarget"/> over cases of type <typeparamref name="T"/>.</summary>
/// <param name="kind">The class a case is counted in.</param>
/// <param name="check">Checks one case in the folder given; returns how it ended; throws <see cref="PropertyViolation"/>.</param>
/// <param name="threads">How many cases run at once.</param>
public sealed class FuzzTarget<T>(string name, Gen<T> cases, Func<T, string> kind, Func<T, string, string> check, int threads) : FuzzTarget(name)
{
    public override void Run(FuzzTally tally, TimeSpan budget, string? seed = null)
    {
        bool hung = false;
        try
        {
            cases.Sample(
                test =>
                {
                    if (hung)
                    {
                        return;
                    }

                    var folder = Directory.CreateTempSubdirectory("dedup-fuzz-");
                    bool keep = false;
                    try
                    {
                        tally.Add(kind(test), check(test, folder.FullName));
                    }
                    catch (PropertyViolation e) when (e.ThreadLeftRunning || seed is not null)
                    {
                        // After a hang every later case passes unchecked, so that this one is what CsCheck reports, with its seed.
                        hung |= e.ThreadLeftRunning;
                        if (seed is null)
                        {
                            throw;
                        }

                        // A replay keeps the failing case's files to look at; a search would leave one folder per shrink.
                        keep = true;
                        throw new PropertyViolation($"{e.Message}\nthe case's files are kept in {folder.FullName}", e);
                    }
                    finally
                    {
                        if (!keep)
                        {
                            folder.Delete(recursive: true);
                        }
                    }
                },
                seed: seed,
                iter: seed is null ? -1 : 1,
                time: seed is null ? (int)Math.Max(1, budget.TotalSeconds) : -1,
                threads: seed is null ? threads : 1,
                print: test => test?.ToString() ?? "");
        }
        catch (CsCheckException e)
        {
            throw Failure(e);
        }
    }
}
