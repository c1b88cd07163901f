using System.Text;
using Dedup.Engine.Evaluation;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Tests.Evaluation;

public sealed class EngineShinglesTests
{
    [Fact]
    public void TheSetIsTheReferenceShinglesSortedAndDistinct()
    {
        var text = Encoding.UTF8.GetBytes("a b c d e f a b c d e f 近重复文档检测");
        var expected = ReferenceSignature.Shingles(ReferenceSignature.Tokens(text), 5).Distinct().Order().ToArray();
        Assert.Equal(expected, EngineShingles.Set(text, 5));
        Assert.True(EngineShingles.Set(text, 5).Length < ReferenceSignature.Shingles(ReferenceSignature.Tokens(text), 5).Count);
    }

    [Fact]
    public void PunctuationWidthAndCaseDoNotChangeTheSetAndEmptyDocumentsAreSimilarToNothing()
    {
        var a = EngineShingles.Set(Encoding.UTF8.GetBytes("近重复文档检测，是构建 LLM 训练数据的重要步骤。"), 5);
        var b = EngineShingles.Set(Encoding.UTF8.GetBytes("近重复文档检测,是构建 llm 训练数据的重要步骤."), 5);
        Assert.Equal(1.0, EngineShingles.Jaccard(a, b));
        Assert.Equal(0.0, EngineShingles.Jaccard([], []));
    }
}
