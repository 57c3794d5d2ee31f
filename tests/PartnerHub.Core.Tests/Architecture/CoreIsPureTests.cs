using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Tests.Architecture;

/// <summary>Keeps the domain pure: the engine never touches a database, the web, a clock or the file system.</summary>
public sealed class CoreIsPureTests
{
    private static readonly Assembly Core = typeof(Money).Assembly;

    [Fact]
    public void Core_references_none_of_our_other_projects_nor_an_IO_framework()
    {
        string[] forbidden = ["PartnerHub.App", "PartnerHub.Web", "PartnerHub.Cli", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
            "Npgsql", "Microsoft.Data.Sqlite", "System.Net.Http", "Microsoft.Extensions", "Sep", "Spectre.Console", "System.CommandLine"];
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Core_does_not_read_the_clock_the_file_system_or_the_network()
    {
        // Every type and member that Core's IL uses from another assembly appears in its metadata reference tables.
        using var pe = new PEReader(File.OpenRead(Core.Location));
        var md = pe.GetMetadataReader();
        string TypeName(TypeReferenceHandle h) => md.GetString(md.GetTypeReference(h).Namespace) + "." + md.GetString(md.GetTypeReference(h).Name);

        var types = md.TypeReferences.Select(TypeName).ToArray();
        var members = md.MemberReferences.Select(md.GetMemberReference)
            .Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => TypeName((TypeReferenceHandle)m.Parent) + "." + md.GetString(m.Name)).ToArray();

        Assert.DoesNotContain(types, t => t is "System.TimeProvider" or "System.Environment"
            || t.StartsWith("System.IO.File", StringComparison.Ordinal) || t.StartsWith("System.IO.Directory", StringComparison.Ordinal)
            || t.StartsWith("System.Net.", StringComparison.Ordinal));
        Assert.DoesNotContain(members, m => m is "System.DateTime.get_Now" or "System.DateTime.get_UtcNow" or "System.DateTime.get_Today"
            or "System.DateTimeOffset.get_Now" or "System.DateTimeOffset.get_UtcNow");
    }
}
