namespace AgentTrust.Domain.Metrics.Import;

/// <summary>The records files the metrics read, by their <c>--format</c> name.</summary>
public enum RecordFormat
{
    /// <summary><c>servicenow</c>: the UCI ServiceNow incident event log (one row per audit update).</summary>
    ServiceNow,

    /// <summary><c>rabobank-changes</c>: BPI 2014 changes, one row per change and affected CI.</summary>
    RabobankChanges,

    /// <summary><c>rabobank-incidents</c>: BPI 2014 incident case attributes, one row per incident.</summary>
    RabobankIncidents,

    /// <summary><c>volvo</c>: BPI 2013 Volvo IT incidents, one row per status change.</summary>
    Volvo,
}
