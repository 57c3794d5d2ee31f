namespace PartnerHub.Core.Facts;

/// <summary>A training track (program key) completed on a date.</summary>
public readonly record struct TrainingCompletion(string Track, DateOnly CompletedOn);

/// <summary>An exam attempt (program key) with its score from 0 to 100; it passes at the exam's pass mark or above.</summary>
public readonly record struct ExamAttempt(string Exam, DateOnly TakenOn, int Score);

/// <summary>A certification level (program key) granted on a date; it lasts the level's validity and is renewed by a new award.</summary>
public readonly record struct CertificationAward(string Level, DateOnly AwardedOn);

/// <summary>A commitment the partner signed (such as an annual business plan), covering <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public readonly record struct Commitment(DateOnly From, DateOnly To);
