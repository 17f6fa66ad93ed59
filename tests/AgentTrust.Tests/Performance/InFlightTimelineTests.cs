using AgentTrust.Domain.Performance;

namespace AgentTrust.Tests.Performance;

public sealed class InFlightTimelineTests
{
    [Fact]
    public void Count_OverlappingRequests_CountsThoseStartedAndNotYetFinished()
    {
        (double, double?)[] requests = [(0, 2), (1, 3), (1.5, null), (4, 5)];

        var counts = InFlightTimeline.Count(requests, [0, 1, 2, 3, 4, 4.5, 5, 10]);

        // [start, end): a request finished at 2 is no longer in flight at 2; the unfinished one never leaves.
        Assert.Equal([1, 2, 2, 1, 2, 2, 1, 1], counts);
    }

    [Fact]
    public void Count_RequestsWithTheSameStartAndEnd_AllCounted()
    {
        (double, double?)[] requests = [(1, 2), (1, 2), (1, 2)];

        Assert.Equal([0, 3, 0], InFlightTimeline.Count(requests, [0.5, 1, 2]));
    }

    [Fact]
    public void Count_NoRequests_Zero() => Assert.Equal([0, 0], InFlightTimeline.Count([], [0, 1]));
}
