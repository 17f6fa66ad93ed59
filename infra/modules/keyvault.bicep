// Key Vault with Azure RBAC (no access policies), soft delete and purge protection, holding the EC P-256 key that
// signs evidence (the private key never leaves the vault) and the webhook and ticketing secrets, which operators
// set after deployment (docs/integrations.md) so no secret value passes through a template or a deployment log.
param location string
param tags object
param keyVaultName string
param operatorPrincipalId string

var signingKeyName = 'evidence-signing'
var secretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: signingKeyName
  properties: {
    kty: 'EC'
    curveName: 'P-256'
    keyOps: [ 'sign', 'verify' ]
    attributes: { enabled: true, exportable: false }
  }
}

resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: vault
  name: guid(vault.id, operatorPrincipalId, secretsOfficerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRole)
    principalId: operatorPrincipalId
  }
}

output keyVaultName string = vault.name
output keyVaultUri string = vault.properties.vaultUri
output signingKeyName string = signingKey.name
