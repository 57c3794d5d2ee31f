namespace PartnerHub.App.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
