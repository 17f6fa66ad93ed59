// AgentTrust in Azure: a Flex Consumption Function App (.NET isolated, system-assigned identity), storage without
// shared keys (tables, queues, an evidence container under a time-based immutability policy), Key Vault (RBAC) with
// the EC P-256 evidence signing key, and Application Insights on Log Analytics. `azd up` deploys it (azure.yaml).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('The Azure region for every resource.')
param location string

@description('Days an evidence blob cannot be changed or deleted after it is written.')
@minValue(1)
@maxValue(146000)
param evidenceRetentionDays int = 365

@description('Object id of a person or group to grant Key Vault Secrets Officer, so they can set the webhook and ticketing secrets. Empty: none.')
param operatorPrincipalId string = ''

@description('ServiceNow instance URL for write-back, e.g. https://example.service-now.com. Empty: write-back to ServiceNow is off.')
param serviceNowBaseUrl string = ''

@description('Jira site URL for write-back, e.g. https://example.atlassian.net. Empty: write-back to Jira is off.')
param jiraBaseUrl string = ''

@description('Jira custom field that carries agent proposals, e.g. customfield_10090. Empty: none.')
param jiraProposalField string = ''

@description('Client id of the Entra ID app registration that protects the read APIs (App Service authentication). Empty: no App Service authentication (function keys only).')
param entraClientId string = ''

@description('Maximum instances of the Function App (Flex Consumption).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    location: location
    tags: tags
    storageAccountName: 'st${token}'
    evidenceRetentionDays: evidenceRetentionDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: group
  params: {
    location: location
    tags: tags
    keyVaultName: 'kv-${token}'
    operatorPrincipalId: operatorPrincipalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: group
  params: {
    location: location
    tags: tags
    planName: 'plan-${token}'
    functionAppName: 'func-${token}'
    storageAccountName: storage.outputs.storageAccountName
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultName: keyVault.outputs.keyVaultName
    keyVaultUri: keyVault.outputs.keyVaultUri
    signingKeyName: keyVault.outputs.signingKeyName
    evidenceContainerName: storage.outputs.evidenceContainerName
    serviceNowBaseUrl: serviceNowBaseUrl
    jiraBaseUrl: jiraBaseUrl
    jiraProposalField: jiraProposalField
    maximumInstanceCount: maximumInstanceCount
    entraClientId: entraClientId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: group
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.storageAccountName
    keyVaultName: keyVault.outputs.keyVaultName
    signingKeyName: keyVault.outputs.signingKeyName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.functionAppName
output AGENTTRUST_API_URL string = functionApp.outputs.defaultUrl

// The settings the code reads; the Function App already has them. Listed so a local host can point at Azure.
output AzureWebJobsStorage__accountName string = storage.outputs.storageAccountName
output AgentTrust__Storage__AccountName string = storage.outputs.storageAccountName
output AgentTrust__Storage__EvidenceContainerName string = storage.outputs.evidenceContainerName
output AgentTrust__Evidence__KeyVaultUri string = keyVault.outputs.keyVaultUri
output AgentTrust__Evidence__KeyName string = keyVault.outputs.signingKeyName
output AgentTrust__Telemetry__UseManagedIdentity bool = true
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
