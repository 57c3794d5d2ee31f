using CsCheck;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

/// <summary>Broken program files: each problem is reported at its line and column, in plain words, and nothing throws.</summary>
public sealed class ProgramValidationTests
{
    private static IReadOnlyList<ProgramProblem> Problems(string yaml) => ProgramFile.Parse(yaml, "program.yaml").Problems;

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="text"/> (after <paramref name="after"/>, if given).</summary>
    private static (int Line, int Column) Locate(string yaml, string text, string? after = null)
    {
        var start = after is null ? 0 : yaml.IndexOf(after, StringComparison.Ordinal);
        var at = yaml.IndexOf(text, start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not found");
        var line = 1 + yaml.AsSpan(0, at).Count('\n');
        return (line, at - yaml.LastIndexOf('\n', Math.Max(0, at - 1)));
    }

    private static void AssertSingle(string yaml, (int Line, int Column) at, string message)
    {
        var problem = Assert.Single(Problems(yaml));
        Assert.Equal($"program.yaml:{at.Line}:{at.Column}: {message}", problem.ToString());
    }

    [Fact]
    public void Unknown_key_is_reported_with_the_closest_known_key()
    {
        var yaml = DefaultProgram.With("    name: Certified Partner Exam\n    passMark: 70\n",
            "    name: Certified Partner Exam\n    passMark: 70\n    pasMarks: 71\n");
        AssertSingle(yaml, Locate(yaml, "pasMarks"), "Unknown key 'pasMarks' in exams.certified-exam; did you mean 'passMark'?");
    }

    [Fact]
    public void Wrong_type_names_the_key_what_was_expected_and_what_was_found()
    {
        var yaml = DefaultProgram.With("passMark: 75", "passMark: high");
        AssertSingle(yaml, Locate(yaml, "high", after: "passMark: high"), "exams.advanced-exam.passMark: expected a whole number from 0 to 100, found 'high'.");
    }

    [Fact]
    public void A_quoted_number_gets_a_hint()
    {
        var yaml = DefaultProgram.With("passMark: 75", "passMark: \"75\"");
        AssertSingle(yaml, Locate(yaml, "\"75\""), "exams.advanced-exam.passMark: expected a whole number from 0 to 100, found '75' in quotes; write 75 without quotes.");
    }

    [Fact]
    public void Missing_required_key_is_reported_at_its_mapping()
    {
        var yaml = DefaultProgram.With("    name: Elite Partner Exam\n    passMark: 80\n", "    name: Elite Partner Exam\n");
        AssertSingle(yaml, Locate(yaml, "name: Elite Partner Exam\n"), "Missing required key 'passMark' in exams.elite-exam.");
    }

    [Fact]
    public void Gap_between_tier_bands_names_the_uncovered_amounts()
    {
        var yaml = DefaultProgram.With("revenue: { min: 100000.01 }", "revenue: { min: 120000.00 }");
        AssertSingle(yaml, Locate(yaml, "{ min: 120000.00 }"),
            "tiers.strategic.revenue: gap between tiers: amounts from $100,000.01 to $119,999.99 fall in neither preferred (max $100,000.00) nor strategic (min $120,000.00).");
    }

    [Fact]
    public void Overlapping_tier_bands_name_the_doubly_covered_amounts()
    {
        var yaml = DefaultProgram.With("revenue: { max: 24999.99 }", "revenue: { max: 25000.00 }");
        AssertSingle(yaml, Locate(yaml, "{ min: 25000.00, max: 100000.00 }"),
            "tiers.preferred.revenue: overlapping tiers: amounts from $25,000.00 to $25,000.00 fall in both standard (max $25,000.00) and preferred (min $25,000.00).");
    }

    [Fact]
    public void Lowest_tier_may_not_have_a_floor()
    {
        var yaml = DefaultProgram.With("revenue: { max: 24999.99 }", "revenue: { min: 0, max: 24999.99 }");
        AssertSingle(yaml, Locate(yaml, "{ min: 0, max: 24999.99 }"),
            "tiers.standard.revenue: standard is the lowest tier and must have no min (it takes everything below $0.00 too).");
    }

    [Fact]
    public void Certification_prerequisite_cycle_is_reported_once()
    {
        var yaml = DefaultProgram.With("      name: Certified Partner\n", "      name: Certified Partner\n      prerequisite: elite\n");
        AssertSingle(yaml, Locate(yaml, "certified", after: "      name: Advanced Partner\n      prerequisite: "),
            "certification.levels.advanced.prerequisite: certification prerequisites form a cycle: certified → elite → advanced → certified (each requires the next).");
    }

    [Fact]
    public void Health_weights_must_add_up_to_100_percent()
    {
        var yaml = DefaultProgram.With("    engagement: 15\n", "    engagement: 10\n");
        AssertSingle(yaml, Locate(yaml, "revenue-attainment: 30"), "healthScore.weights: the weights add up to 95%; they must add up to 100%.");
    }

    [Fact]
    public void Reference_to_an_undefined_track_suggests_the_closest()
    {
        var yaml = DefaultProgram.With("tracks: [advanced-sales, technical-implementation]", "tracks: [advanced-sale, technical-implementation]");
        AssertSingle(yaml, Locate(yaml, "advanced-sale,"),
            "certification.levels.advanced.tracks[0]: unknown training track 'advanced-sale'; did you mean 'advanced-sales'?");
    }

    [Fact]
    public void Reference_to_an_undefined_tier_is_reported_at_the_key()
    {
        var yaml = DefaultProgram.With("byTier: { strategic: 20, preferred: 15, standard: 10 }", "byTier: { strategc: 20, preferred: 15, standard: 10 }");
        AssertSingle(yaml, Locate(yaml, "strategc"), "revenueModels.revenue-share.byTier.strategc: unknown tier 'strategc'; did you mean 'strategic'?");
    }

    [Fact]
    public void Reference_to_an_undefined_revenue_model_category_or_exam_is_reported()
    {
        var yaml = DefaultProgram.With("revenueModels: [reseller-discount]", "revenueModels: [reseller-discounts]")
            .Replace("education: { percent: 20 }", "educaton: { percent: 20 }", StringComparison.Ordinal)
            .Replace("doneWhen: { examPassed: certified-exam }", "doneWhen: { examPassed: basic-exam }", StringComparison.Ordinal);
        Assert.Equal([
            "revenueModels.revenue-share.byCategory.educaton: unknown category 'educaton'; did you mean 'education'?",
            "categories.channel.subcategories.resellers.revenueModels[0]: unknown revenue model 'reseller-discounts'; did you mean 'reseller-discount'?",
            "onboarding.steps.certification.doneWhen.examPassed: unknown exam 'basic-exam'; expected one of: certified-exam, advanced-exam, elite-exam.",
        ], Problems(yaml).Select(p => p.Message).OrderBy(m => m.Length));
    }

    [Fact]
    public void Duplicate_key_points_at_the_second_and_names_the_first()
    {
        var yaml = DefaultProgram.With("  elite-exam:\n", "  advanced-exam: { name: Again, passMark: 1 }\n  elite-exam:\n");
        var first = Locate(yaml, "advanced-exam:\n    name: Advanced");
        AssertSingle(yaml, Locate(yaml, "advanced-exam: { name: Again"),
            $"Duplicate key 'advanced-exam' (first at line {first.Line}, column {first.Column}).");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var yaml = DefaultProgram.With("passMark: 75", "passMark: high")
            .Replace("    engagement: 15\n", "    engagement: 10\n", StringComparison.Ordinal)
            .Replace("protectionDays: 90", "protectionDay: 90", StringComparison.Ordinal);
        var problems = Problems(yaml);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Message.Contains("found 'high'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("add up to 95%", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message == "Unknown key 'protectionDay' in dealRegistration; did you mean 'protectionDays'?");
        Assert.Contains(problems, p => p.Message == "Missing required key 'protectionDays' in dealRegistration.");
        Assert.Null(ProgramFile.Parse(yaml, "x").Program);
    }

    [Fact]
    public void Levels_must_form_a_single_ladder()
    {
        var yaml = DefaultProgram.With("      prerequisite: advanced\n", "      prerequisite: certified\n");
        AssertSingle(yaml, Locate(yaml, "certified", after: "      name: Elite Partner\n      prerequisite: "),
            "certification.levels.elite.prerequisite: advanced and elite both require certified; levels form a single ladder.");
    }

    [Fact]
    public void Every_lifecycle_stage_belongs_to_a_phase()
    {
        var yaml = DefaultProgram.With("stages: [active, churned, terminated]", "stages: [active, churned]");
        AssertSingle(yaml, Locate(yaml, "identification:", after: "lifecycle:"), "lifecycle.phases: lifecycle stage terminated belongs to no phase.");
    }

    [Fact]
    public void An_assumption_must_point_at_something_in_the_file()
    {
        var yaml = DefaultProgram.With("  - path: tierReview\n", "  - path: tierReviews\n");
        AssertSingle(yaml, Locate(yaml, "tierReviews"), "assumptions: the path 'tierReviews' does not exist in this file.");
    }

    [Fact]
    public void A_newer_format_is_refused()
    {
        var yaml = DefaultProgram.With("format: 1", "format: 2");
        AssertSingle(yaml, (5, 9), "format: this software reads program format 1, found '2'.");
    }

    [Fact]
    public void Tab_in_indentation_is_reported_at_the_tab()
    {
        var problem = Assert.Single(Problems("format: 1\nvision:\n\tmission: x\n"));
        Assert.Equal("program.yaml:3:1: A tab in indentation; YAML indents with spaces.", problem.ToString());
    }

    [Fact]
    public void Syntax_error_becomes_a_positioned_problem()
    {
        var problem = Assert.Single(Problems("format: 1\nname: \"unterminated\n"));
        Assert.Equal((2, 7), (problem.Line, problem.Column));
        Assert.StartsWith("YAML syntax error: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_flow_list_becomes_a_positioned_problem()
    {
        // YamlDotNet throws without a position here; the last good event's position is reported.
        var problem = Assert.Single(Problems("format: 1\nregions: [a, b\nname: x\n"));
        Assert.Equal("program.yaml:2:12: YAML syntax error near here: an unclosed '[' or '{', or text the parser could not read.", problem.ToString());
    }

    [Fact]
    public void Binary_junk_is_reported_not_thrown()
    {
        var problems = Problems("PK\u0003\u0004\u0000\u0000binary");
        Assert.Equal("program.yaml:1:3: Control character U+0003; is this a binary file?", problems[0].ToString());
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Anchors_and_aliases_are_refused_so_an_expansion_bomb_cannot_explode()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"a{i}: &a{i} [*a{(i == 1 ? "" : i - 1)}, *a{(i == 1 ? "" : i - 1)}]\n"));
        var problems = Problems(bomb);
        Assert.Contains(problems, p => p.ToString() == "program.yaml:1:4: An anchor (&a); anchors and aliases are not allowed in program files.");
        Assert.Contains(problems, p => p.Message == "An alias (*a); anchors and aliases are not allowed in program files, write the value out.");
    }

    [Fact]
    public void Huge_input_is_refused_before_parsing()
    {
        var problem = Assert.Single(Problems(new string('#', 2_000_000)));
        Assert.Equal("program.yaml:1:1: The file has 2,000,000 characters; a program file may have at most 1,000,000.", problem.ToString());
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var problem = Assert.Single(Problems(new string('[', 5000) + new string(']', 5000)));
        Assert.Equal("program.yaml:1:33: Nested more than 32 levels deep; a program file never needs that.", problem.ToString());
    }

    [Fact]
    public void Empty_file_and_a_non_mapping_are_explained()
    {
        Assert.Equal("The file is empty; a program file is a YAML mapping starting with 'format: 1'.", Assert.Single(Problems("  \n")).Message);
        Assert.Equal("The file: expected a partner program (a mapping of keys to values), found 'hello'.", Assert.Single(Problems("hello")).Message);
        Assert.StartsWith("The file has no content (only comments)", Assert.Single(Problems("# nothing here\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_yaml_file_gets_one_problem_listing_the_missing_sections()
    {
        var problems = Problems("title: My blog\n");
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Missing required keys: format, name, currency, regions, vision,", problems[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Unknown key 'title'", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mangled_program_files_never_throw()
    {
        // Cut, duplicate or overwrite random spans of the real file: every result is a value, never an exception.
        var text = DefaultProgram.Yaml;
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Int[0, 200], Gen.Int[0, 3], Gen.Char)
            .Sample((at, length, how, c) =>
            {
                var end = Math.Min(text.Length, at + length);
                var mangled = how switch
                {
                    0 => text.Remove(at, end - at),
                    1 => text.Insert(at, text[at..end]),
                    2 => text.Insert(at, new string(c, 1 + length % 5)),
                    _ => string.Concat(text.AsSpan(0, at), new string(c, end - at), text.AsSpan(end)),
                };
                var result = ProgramFile.Parse(mangled, "m.yaml");
                Assert.True(result.IsValid || result.Problems.Count > 0);
                Assert.All(result.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1));
            }, iter: 300);
    }

    [Fact]
    public void Random_text_never_throws_and_is_never_refused_silently() =>
        Gen.String.Sample(s => Assert.NotEmpty(ProgramFile.Parse(s, "r.yaml").Problems), iter: 2000);
}
