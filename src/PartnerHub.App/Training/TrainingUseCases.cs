using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Training;

public static class TrainingUseCases
{
    /// <summary>Enablement: the training catalog, sessions, modules, exams, certification awards, certificates and renewals.</summary>
    public static IServiceCollection AddTrainingUseCases(this IServiceCollection services) => services
        .AddScoped<GetTrainingCatalog>()
        .AddScoped<ScheduleSession>()
        .AddScoped<GetSession>()
        .AddScoped<RecordAttendance>()
        .AddScoped<EnrolInCourse>()
        .AddScoped<CompleteModule>()
        .AddScoped<GetExamPaper>()
        .AddScoped<SubmitExam>()
        .AddScoped<AwardCertification>()
        .AddScoped<CertificationAwarder>()
        .AddScoped<ConfirmCertificate>()
        .AddScoped<ListCertificates>()
        .AddScoped<GetCertificate>()
        .AddScoped<VerifyCertificate>()
        .AddScoped<ListRenewals>();
}
