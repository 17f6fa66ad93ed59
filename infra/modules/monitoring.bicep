// Log Analytics and workspace-based Application Insights. Local (key) authentication is off: the app ingests with
// its managed identity (Monitoring Metrics Publisher, granted in roles.bicep).
param location string
param tags object
param logAnalyticsName string
param applicationInsightsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = insights.name
output applicationInsightsConnectionString string = insights.properties.ConnectionString
