# Archivist build script for Windows (mirrors build.sh).
#   ./build.ps1 [options]       build the site from seeds/ into site-output/ (options as for `build`)
#   ./build.ps1 test            run every test
#   ./build.ps1 <command> ...   run the archivist tool, e.g. ./build.ps1 serve
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$tool = 'src/Archivist/bin/Release/net10.0/archivist.dll'

function Build-Tool {
    dotnet build src/Archivist/Archivist.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

$command = if ($args.Count -gt 0) { $args[0] } else { '' }
if ($command -eq '' -or ($command.StartsWith('-') -and $command -notin @('-h', '--help'))) {
    Build-Tool
    dotnet $tool build --seeds seeds --out site-output @args
    exit $LASTEXITCODE
}
switch ($command) {
    'test' {
        $rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }
        dotnet test tests/Archivist.Tests/Archivist.Tests.csproj -c Release --nologo @rest
        exit $LASTEXITCODE
    }
    default {
        Build-Tool
        dotnet $tool @args
        exit $LASTEXITCODE
    }
}
