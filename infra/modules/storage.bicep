// The storage account: Durable Task's queues and tables, AgentTrust's tables (pacts, outcomes, webhook replay
// store), the evidence container under a time-based immutability policy, and the Flex Consumption deployment
// container. Shared-key access is off: everything uses Entra ID (the app's managed identity).
param location string
param tags object
param storageAccountName string
param evidenceRetentionDays int

var evidenceContainerName = 'evidence'
var deploymentContainerName = 'app-package'
// The weekly reports and their signed packages (the app's default AgentTrust:Reports:ContainerName).
var reportsContainerName = 'reports'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource evidence 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: evidenceContainerName
  properties: { publicAccess: 'None' }
}

// WORM: evidence blobs can be written once and read, not changed or deleted, until the retention has passed.
// Unlocked so test environments can be torn down; lock it in production (docs/security.md), after which the
// retention can only be extended.
resource evidenceImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: evidence
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: evidenceRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource reports 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: reportsContainerName
  properties: { publicAccess: 'None' }
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// The tables AgentTrust writes; the code also creates them if missing (Azurite, new environments).
resource pactTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: 'AgentTrustPacts'
}

resource outcomeTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: 'AgentTrustOutcomes'
}

resource deliveryTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: 'AgentTrustWebhookDeliveries'
}

resource rejectionTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: 'AgentTrustWebhookRejections'
}

output storageAccountName string = account.name
output evidenceContainerName string = evidence.name
output deploymentContainerName string = deployment.name
output reportsContainerName string = reports.name
output queueServiceName string = queues.name
