using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static readonly Dictionary<string, CertificationAwarding> Awardings = new(StringComparer.Ordinal)
    {
        ["automatic"] = CertificationAwarding.Automatic,
        ["confirmed"] = CertificationAwarding.Confirmed,
    };

    private static readonly Dictionary<string, bool> Choices = new(StringComparer.Ordinal)
    {
        ["single"] = false,
        ["multiple"] = true,
    };

    /// <summary>A track's course content: <c>modules</c> (key: title) and the optional <c>exam</c> at its end. Both optional.</summary>
    private (List<NamedText> Modules, string? Exam) Course(MapReader track)
    {
        var modules = track.Get("modules") is null ? [] : track.NamedTexts("modules");
        foreach (var (k, _) in (track.Get("modules") as YMapping)?.Entries ?? [])
            if (!Values.IsKey(k.Value)) _sink.Add(k, $"{k.Path}: '{YScalar.Shorten(k.Value)}' is not a valid key; use lower-case letters, digits and hyphens (like 'platform-tour').");
        var exam = track.Text("exam", required: false);
        if (exam is not null) Refer(RefKind.Exam, exam, track.Get("exam")!);
        return (modules, exam);
    }

    /// <summary>
    /// An exam's <c>questions</c>: each with its text, <c>choice</c> (single or multiple), <c>options</c> (key: text) and
    /// <c>correct</c> (the option keys that are right: exactly one for single choice, at least one for multiple).
    /// </summary>
    private List<ExamQuestion> Questions(MapReader exam, string examKey)
    {
        var questions = new List<ExamQuestion>();
        foreach (var (key, keyNode, node) in exam.Keyed("questions", required: false))
        {
            if (!Values.IsKey(key)) _sink.Add(keyNode, $"{keyNode.Path}: '{YScalar.Shorten(key)}' is not a valid key; use lower-case letters, digits and hyphens (like 'q1').");
            if (MapReader.From(_sink, node, $"question '{key}' of exam '{examKey}'") is not { } map) continue;
            var text = map.Text("text") ?? "";
            var multiple = Choice(map, "choice", Choices);
            var options = map.NamedTexts("options");
            var correct = new List<string>();
            foreach (var (option, optionNode) in map.TextList("correct"))
            {
                if (options.All(o => o.Name != option))
                    _sink.Add(optionNode, $"{optionNode.Path}: '{YScalar.Shorten(option)}' is not one of this question's options{Suggest.Closest(option, options.Select(o => o.Name))}");
                else if (correct.Contains(option)) _sink.Add(optionNode, $"{optionNode.Path}: '{option}' is listed twice.");
                else correct.Add(option);
            }

            if (map.Get("options") is { } optionsNode && options.Count < 2) _sink.Add(optionsNode, $"{optionsNode.Path}: give at least two options.");
            if (map.Get("correct") is { } correctNode)
            {
                if (multiple == false && correct.Count != 1) _sink.Add(correctNode, $"{correctNode.Path}: a single-choice question has exactly one correct option.");
                else if (correct.Count == 0) _sink.Add(correctNode, $"{correctNode.Path}: name at least one correct option.");
            }

            map.Done();
            questions.Add(new ExamQuestion(key, text, multiple ?? false, options, correct));
        }

        return questions;
    }
}
