namespace PartnerHub.App.Common;

/// <summary>One page of a list, with the total so a client can page through all of it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
