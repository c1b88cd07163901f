using Dedup.Bench;

return BenchProgram.Run(args);
