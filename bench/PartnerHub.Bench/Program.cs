using PartnerHub.Bench;

return await BenchCommands.RunAsync(args);
