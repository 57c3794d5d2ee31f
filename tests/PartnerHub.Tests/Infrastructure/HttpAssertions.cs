using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartnerHub.Tests.Infrastructure;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns its field errors (empty if none).</summary>
    public static async Task<Dictionary<string, string[]>> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal((int)expected, doc.RootElement.GetProperty("status").GetInt32());
        return doc.RootElement.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>(Json)!
            : [];
    }

    public static async Task<Dictionary<string, string[]>> ProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await response).ProblemAsync(expected);

    public static async Task<T> ReadAsync<T>(this Task<HttpResponseMessage> response, HttpStatusCode expected) => await (await response).ReadAsync<T>(expected);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body, int ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json), Headers = { { "If-Match", $"\"{ifMatch}\"" } } });

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, int ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Headers = { { "If-Match", $"\"{ifMatch}\"" } } });
}
