// The Function App on Flex Consumption: .NET isolated, system-assigned identity, identity-based storage (the
// deployment package too), secrets as Key Vault references, and App Service authentication (Entra ID) for the read
// APIs with the HMAC-signed webhooks and token-signed approvals excluded (they authenticate themselves).
param location string
param tags object
param planName string
param functionAppName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsConnectionString string
param keyVaultName string
param keyVaultUri string
param signingKeyName string
param evidenceContainerName string
param serviceNowBaseUrl string
param jiraBaseUrl string
param jiraProposalField string
param maximumInstanceCount int
param entraClientId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// A Key Vault reference: the platform resolves it with the app's identity; the value never appears in the template.
func kvReference(vaultName string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

var baseSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: account.name }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
  { name: 'AgentTrust__Storage__AccountName', value: account.name }
  { name: 'AgentTrust__Storage__EvidenceContainerName', value: evidenceContainerName }
  { name: 'AgentTrust__Evidence__KeyVaultUri', value: keyVaultUri }
  { name: 'AgentTrust__Evidence__KeyName', value: signingKeyName }
  { name: 'AgentTrust__Telemetry__UseManagedIdentity', value: 'true' }
  { name: 'AgentTrust__Webhooks__ServiceNow__Secret', value: kvReference(keyVaultName, 'servicenow-webhook-secret') }
  { name: 'AgentTrust__Webhooks__Jira__Secret', value: kvReference(keyVaultName, 'jira-webhook-secret') }
  { name: 'AgentTrust__Webhooks__Jira__ProposalField', value: jiraProposalField }
]

var serviceNowSettings = empty(serviceNowBaseUrl) ? [] : [
  { name: 'AgentTrust__Ticketing__ServiceNow__BaseUrl', value: serviceNowBaseUrl }
  { name: 'AgentTrust__Ticketing__ServiceNow__UserName', value: kvReference(keyVaultName, 'servicenow-api-user') }
  { name: 'AgentTrust__Ticketing__ServiceNow__Password', value: kvReference(keyVaultName, 'servicenow-api-password') }
]

var jiraSettings = empty(jiraBaseUrl) ? [] : [
  { name: 'AgentTrust__Ticketing__Jira__BaseUrl', value: jiraBaseUrl }
  { name: 'AgentTrust__Ticketing__Jira__UserName', value: kvReference(keyVaultName, 'jira-api-user') }
  { name: 'AgentTrust__Ticketing__Jira__Password', value: kvReference(keyVaultName, 'jira-api-token') }
]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the system-assigned identity.
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(baseSettings, serviceNowSettings, jiraSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource basicPublishingFtp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource basicPublishingScm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(entraClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      // These authenticate themselves: webhooks by HMAC signature, approvals by a signed approval token.
      excludedPaths: [
        '/api/webhooks/servicenow'
        '/api/webhooks/jira'
        '/api/approvals'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [ 'api://${entraClientId}' ]
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}

output functionAppName string = site.name
output principalId string = site.identity.principalId
output defaultUrl string = 'https://${site.properties.defaultHostName}'
