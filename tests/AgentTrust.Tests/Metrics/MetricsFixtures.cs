using System.IO.Compression;
using System.Text;

namespace AgentTrust.Tests.Metrics;

/// <summary>
/// Small records files in the real formats of ../shared/data (same headers, same value quirks: day-first dates, '?',
/// '#MULTIVALUE', a byte-order mark), each with rows the importer must report as unreadable.
/// </summary>
internal static class MetricsFixtures
{
    const string ServiceNowHeader = "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at";

    /// <summary>
    /// INC0000045: opened 29/2/2016 01:16, Group 56 -> Group 70 -> Group 56 (ping-pong), resolved 11:16 (10 h), reopened,
    /// resolved again, closed. INC0000047: its two updates out of order, closed straight from New at 1/3/2016 10:00 (2 h).
    /// Line 9 has too few fields, line 10 a 31 February.
    /// </summary>
    public static string ServiceNow => string.Join('\n',
        ServiceNowHeader,
        Sn("INC0000045", "New", 0, 0, "29/2/2016 01:16", "29/2/2016 01:23", "Group 56"),
        Sn("INC0000045", "Active", 0, 1, "29/2/2016 01:16", "29/2/2016 02:00", "Group 70"),
        Sn("INC0000045", "Active", 0, 2, "29/2/2016 01:16", "29/2/2016 03:00", "Group 56"),
        Sn("INC0000045", "Resolved", 0, 3, "29/2/2016 01:16", "29/2/2016 11:16", "Group 56"),
        Sn("INC0000045", "Active", 1, 4, "29/2/2016 01:16", "1/3/2016 09:00", "?"),
        Sn("INC0000045", "Resolved", 1, 5, "29/2/2016 01:16", "1/3/2016 10:00", "Group 56"),
        Sn("INC0000045", "Closed", 1, 6, "29/2/2016 01:16", "6/3/2016 12:00", "Group 56"),
        "INC0000046,New,true,0,0,0,true,Caller 1",
        Sn("INC0000046", "New", 0, 0, "31/2/2016 01:16", "29/2/2016 01:23", "Group 56"),
        Sn("INC0000047", "Closed", 0, 1, "1/3/2016 08:00", "1/3/2016 10:00", "Group 24"),
        Sn("INC0000047", "New", 0, 0, "1/3/2016 08:00", "1/3/2016 08:05", "Group 24")) + "\n";

    /// <summary>
    /// C00000001 (two CI rows, one with 2 related incidents: failed), C00000002 (no incidents), C00000003 ('?' for the
    /// count). Line 6 has an open time that is not a date.
    /// </summary>
    public static string RabobankChanges => string.Join('\n',
        "CI Name (aff),CI Type (aff),CI Subtype (aff),Service Component WBS (aff),Change ID,Change Type,Risk Assessment,Emergency Change,CAB-approval needed,Scheduled Downtime Start,Scheduled Downtime End,Actual Start,Actual End,Requested End Date,Change record Open Time,Change record Close Time,Originated from,# Related Interactions,# Related Incidents,xes_ts_start,xes_ts_complete",
        Change("ADB000001", "C00000001", "2013-11-04T08:38:00.000+01:00", "2013-11-04T10:04:00.000+01:00", ""),
        Change("ADB000002", "C00000001", "2013-11-04T08:38:00.000+01:00", "2013-11-05T10:04:00.000+01:00", "2"),
        Change("ADB000003", "C00000002", "2013-11-12T07:36:00.000+01:00", "2013-11-26T14:26:00.000+01:00", "0"),
        Change("ADB000004", "C00000003", "2013-11-13T07:36:00.000+01:00", "", "?"),
        Change("ADB000005", "C00000004", "yesterday", "", "1")) + "\r\n";

    /// <summary>
    /// IM0000013: opened 2013-10-01 08:00, reopened, resolved 2013-10-03 12:00 (52 h), 2 reassignments, '#MULTIVALUE'
    /// link. IM0000048: 4 h. IM0000049: still open. Line 5 opens a quote it never closes.
    /// </summary>
    public static string RabobankIncidents => string.Join('\n',
        "\"ci_name_aff\",\"ci_type_aff\",\"ci_subtype_aff\",\"service_component_wbs_aff\",\"incident_id\",\"status\",\"impact\",\"urgency\",\"priority\",\"category\",\"km_number\",\"alert_status\",\"x_reassignments\",\"open_time\",\"reopen_time\",\"resolved_time\",\"close_time\",\"handle_time_hours\",\"closure_code\",\"x_related_interactions\",\"related_interaction\",\"x_related_incidents\",\"x_related_changes\",\"related_change\",\"ci_name_cby\",\"ci_type_cby\",\"ci_subtype_cby\",\"servicecomp_wbs_cby\"",
        "\"WBA000124\",\"application\",\"Web Based Application\",\"WBS000088\",\"IM0000013\",\"Closed\",\"4\",\"4\",\"4\",\"incident\",\"KM0000611\",\"closed\",2,\"2013-10-01 08:00:00\",\"2013-10-03 09:00:00\",\"2013-10-03 12:00:00\",\"2013-10-03 12:00:05\",52.0,\"Other\",2,\"#MULTIVALUE\",,,,\"SUB000508\",\"subapplication\",\"Web Based Application\",\"WBS000162\"",
        "\"SBA000662\",\"application\",\"Server Based Application\",\"WBS000071\",\"IM0000048\",\"Closed\",\"5\",\"5\",\"5\",\"request for information\",\"KM0000524\",\"closed\",0,\"2013-10-02 10:00:00\",,\"2013-10-02 14:00:00\",\"2013-10-02 14:00:29\",4.0,\"No error - works as designed\",1,\"SD0000031\",,,,\"WSR000394\",\"computer\",\"Windows Server\",",
        "\"SBA000607\",\"application\",\"Server Based Application\",\"WBS000263\",\"IM0000049\",\"Open\",\"5\",\"5\",\"5\",\"incident\",\"KM0000592\",\"open\",0,\"2013-10-04 10:47:28\",,,,,\"\",1,\"SD0000076\",,,,,,,",
        "\"SBA000608\",\"application\",\"Server Based") + "\n";

    /// <summary>
    /// With a byte-order mark. 1-001: L1 team V30 -> L2 V5 (escalation) -> back to L1 V30 (bounce and ping-pong),
    /// completed (10 h), reopened, completed. 1-002: starts at L2 and completes (2 h). 1-003: L1 -> L3 (a skip), completes
    /// (4 h). Line 12 has a date that is not one.
    /// </summary>
    public static string Volvo => "\uFEFF" + string.Join('\n',
        "SR Number,Change Date+Time,Status,Sub Status,Activity,Activity Level,Involved ST Function Div,Involved Org line 3,Involved ST,Involved ST 2,ST Level,SR Latest Impact,Product,Country,Owner Country,Owner First Name,Resource",
        VolvoRow("1-001", "2010-03-29T08:00:00+01:00", "Accepted", "V30", "L1"),
        VolvoRow("1-001", "2010-03-29T09:00:00+01:00", "Queued", "V5 3rd", "L2"),
        VolvoRow("1-001", "2010-03-29T10:00:00+01:00", "Accepted", "V5 3rd", "L2"),
        VolvoRow("1-001", "2010-03-29T11:00:00+01:00", "Queued", "V30", "L1"),
        VolvoRow("1-001", "2010-03-29T18:00:00+01:00", "Completed", "V30", "L1"),
        VolvoRow("1-001", "2010-03-30T08:00:00+01:00", "Accepted", "V30", "L1"),
        VolvoRow("1-001", "2010-03-30T09:00:00+01:00", "Completed", "V30", "L1"),
        VolvoRow("1-002", "2010-03-30T08:00:00+01:00", "Accepted", "G97", "L2"),
        VolvoRow("1-002", "2010-03-30T10:00:00+01:00", "Completed", "G97", "L2"),
        VolvoRow("1-003", "2010-04-05T08:00:00+01:00", "Accepted", "N15", "L1"),
        VolvoRow("1-003", "31/3/2010", "Accepted", "N15", "L1"),
        VolvoRow("1-003", "2010-04-05T09:00:00+01:00", "Queued", "N26 3rd", "L3"),
        VolvoRow("1-003", "2010-04-05T12:00:00+01:00", "Completed", "N26 3rd", "L3")) + "\r\n";

    public static string WriteTemp(string content, bool gzip)
    {
        var path = Path.Combine(Path.GetTempPath(), $"agenttrust-metrics-{Guid.NewGuid():N}.csv{(gzip ? ".gz" : string.Empty)}");
        var bytes = new UTF8Encoding(false).GetBytes(content);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    static string Sn(string number, string state, int reopens, int mod, string opened, string updated, string group) =>
        $"{number},{state},true,0,{reopens},{mod},true,Caller 2403,Opened by  8,{opened},Created by 6,{opened},Updated by 21,{updated},Phone,Location 143,Category 55,Subcategory 170,Symptom 72,?,2 - Medium,2 - Medium,3 - Moderate,{group},?,true,false,Do Not Notify,?,?,?,?,code 5,Resolved by 149,?,?";

    static string Change(string ci, string id, string open, string close, string incidents) =>
        $"{ci},database,Applicatie Database,WBS000253,{id},Standard Change Type 25,Minor Change,false,false,,,{open},{open},2013-11-18T00:00:00.000+01:00,{open},{close},Problem,,{incidents},{open},{open}";

    static string VolvoRow(string id, string at, string status, string team, string level) =>
        $"{id},{at},{status},In Progress,{status}-In Progress,{status}-In Progress-{level},A2_4,Org line A2,{team},{team},{level},Medium,PROD582,fr,France,Frederic,fr-Frederic";
}
