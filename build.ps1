# Archivist build script for Windows (mirrors build.sh).
#   ./build.ps1 [options]       build the site from seeds/ into site-output/ (options as for `build`)
#   ./build.ps1 test            run every test
#   ./build.ps1 <command> ...   run the archivist tool, e.g. ./build.ps1 serve, ./build.ps1 search "napo agm"
#   ./build.ps1 --help          this, the build's options and the other commands
# The tool is compiled on first use and again only when its sources, project files or the .NET SDK change.
$ErrorActionPreference = 'Stop'
$caller = (Get-Location).ProviderPath
$typed = if ($MyInvocation.InvocationName) { $MyInvocation.InvocationName } else { './build.ps1' }
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$bin = 'src/Archivist/bin'
$stamp = "$bin/tool.ps1.stamp"   # line 1: what the tool was compiled from; line 2: the tool. Written only after success.

function Say([string]$text) { [Console]::Error.WriteLine($text) }

# The machine's .NET runtime id, for a ReadyToRun (precompiled) tool; empty where unknown.
function Get-RuntimeId {
    $info = [System.Runtime.InteropServices.RuntimeInformation]
    $platform = [System.Runtime.InteropServices.OSPlatform]
    $arch = $info::OSArchitecture.ToString().ToLowerInvariant()
    if ($arch -notin @('x64', 'arm64')) { return '' }
    if ($info::IsOSPlatform($platform::Windows)) { return "win-$arch" }
    if ($info::IsOSPlatform($platform::Linux)) { return "linux-$arch" }
    if ($info::IsOSPlatform($platform::OSX)) { return "osx-$arch" }
    return ''
}

# The source and project files the tool is compiled from (bin/ and obj/ left out).
function Get-Sources {
    $files = @(Get-Item build.ps1, src/Directory.Build.props, src/Directory.Packages.props)
    $files += @(Get-ChildItem src/Archivist -File)
    $files += @(Get-ChildItem src/Archivist -Directory | Where-Object { $_.Name -notin @('bin', 'obj') } | Get-ChildItem -Recurse -File)
    return $files
}

# What the tool is compiled from, cheaply: the SDKs installed beside the dotnet on PATH (asking `dotnet --version`
# alone costs 0.1-0.2 s), global.json and the list of source files. Edits are caught by their times (newer than the
# stamp); this catches added, deleted and renamed files.
function Get-Fingerprint($sources) {
    $command = Get-Command dotnet -ErrorAction SilentlyContinue
    if (-not $command) { Say 'error: the .NET 10 SDK (dotnet) is not on PATH; install it first.'; exit 2 }
    $dotnet = $command.Source
    try { $target = (Get-Item $dotnet).ResolveLinkTarget($true); if ($target) { $dotnet = $target.FullName } } catch { }
    $lines = @($dotnet)
    $lines += @(Get-ChildItem (Join-Path (Split-Path $dotnet) 'sdk') -Directory -ErrorAction SilentlyContinue | ForEach-Object Name)
    if (Test-Path global.json) { $lines += @(Get-Content global.json) }
    $root = (Get-Location).ProviderPath
    $lines += @($sources | ForEach-Object { $_.FullName.Substring($root.Length) })
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($lines -join "`n")
    $sha = [System.Security.Cryptography.SHA256]::Create()
    return ([BitConverter]::ToString($sha.ComputeHash($bytes)) -replace '-', '')
}

# The tool, if the stamp says it was compiled from exactly what is here now; else $null.
function Get-CurrentTool([string]$print, $sources) {
    if (-not (Test-Path $stamp)) { return $null }
    $lines = @(Get-Content $stamp)
    if ($lines.Count -lt 2 -or $lines[0] -ne $print -or -not (Test-Path $lines[1])) { return $null }
    $time = (Get-Item $stamp).LastWriteTimeUtc
    if ($sources | Where-Object { $_.LastWriteTimeUtc -gt $time } | Select-Object -First 1) { return $null }
    return $lines[1]
}

# Runs dotnet quietly into a log, printing the log (its errors first) if it fails.
function Invoke-Quietly([string[]]$arguments) {
    $log = "$bin/last-compile.log"
    & dotnet @arguments *> $log
    if ($LASTEXITCODE -eq 0) { return $true }
    Say "error: 'dotnet $($arguments -join ' ')' failed:"
    $errors = @(Select-String -Path $log -Pattern ': (error|warning) ' | ForEach-Object Line | Sort-Object -Unique)
    if ($errors.Count -gt 0) { $errors | ForEach-Object { Say $_ } } else { Get-Content $log | ForEach-Object { Say $_ } }
    Say "(full output: $log)"
    return $false
}

# Precompiled (ReadyToRun) where the machine allows, else a plain build. The new tool is published beside the old
# one and moved in at the end, and the stamp is written last: a failed compile leaves no stamp claiming success.
function Build-Tool([string]$print) {
    if ((Test-Path $stamp) -or (Test-Path "$bin/ready")) { Say 'Recompiling Archivist (its sources or the .NET SDK changed)...' }
    else { Say 'Compiling Archivist (first run only; about a minute)...' }
    Remove-Item -Force -ErrorAction SilentlyContinue $stamp
    $started = [DateTime]::UtcNow   # a file edited during the compile is newer than the stamp next time
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $rid = Get-RuntimeId
    $tool = $null
    Say '  Restoring packages...'
    $restored = $false
    if ($rid) {
        & dotnet restore src/Archivist/Archivist.csproj -r $rid -p:PublishReadyToRun=true *> $null
        $restored = $LASTEXITCODE -eq 0
    }
    if ($restored) {
        $new = "$bin/ready.new.$PID"
        Say "  Compiling (ReadyToRun for $rid)..."
        if (-not (Invoke-Quietly @('publish', 'src/Archivist/Archivist.csproj', '-c', 'Release', '-r', $rid, '--self-contained', 'false',
                    '--no-restore', '-p:PublishReadyToRun=true', '-o', $new, '--nologo'))) {
            Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $new
            exit 2
        }
        $old = "$bin/ready.old.$PID"
        if (Test-Path "$bin/ready") { Move-Item "$bin/ready" $old }
        Move-Item $new "$bin/ready"
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $old
        $tool = "$bin/ready/archivist.dll"
    }
    else {
        Say '  Compiling (ReadyToRun is not possible here: a plain build, which starts slower)...'
        if (-not (Invoke-Quietly @('build', 'src/Archivist/Archivist.csproj', '-c', 'Release', '--nologo'))) { exit 2 }
        $tool = "$bin/Release/net10.0/archivist.dll"
    }
    Set-Content -Path "$stamp.new" -Value @($print, $tool)
    (Get-Item "$stamp.new").LastWriteTimeUtc = $started
    Move-Item -Force "$stamp.new" $stamp
    Say "  Done in $([int]$clock.Elapsed.TotalSeconds) s."
}

# The compiled tool, compiling it first when needed; one compile at a time (a second run waits, then finds it done).
function Get-ToolPath {
    $sources = Get-Sources
    $tool = Get-CurrentTool (Get-Fingerprint $sources) $sources
    if ($tool) { return $tool }
    New-Item -ItemType Directory -Force $bin | Out-Null
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $name = 'archivist-compile-' + ([BitConverter]::ToString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($PSScriptRoot))) -replace '-', '').Substring(0, 16)
    $mutex = New-Object System.Threading.Mutex($false, $name)
    try {
        if (-not $mutex.WaitOne(0)) { Say 'Waiting for another run that is compiling Archivist...'; [void]$mutex.WaitOne() }
    }
    catch [System.Threading.AbandonedMutexException] { }   # left by a killed run: the mutex is ours now
    try {
        $sources = Get-Sources
        $print = Get-Fingerprint $sources
        $tool = Get-CurrentTool $print $sources
        if (-not $tool) { Build-Tool $print; $tool = Get-CurrentTool $print $sources }
    }
    finally { $mutex.ReleaseMutex() }
    return $tool
}

# The tool names files relative to where the user is, and in its usage lines the command the user typed.
function Invoke-Tool([string[]]$arguments) {
    $tool = Get-ToolPath
    $saved = $env:ARCHIVIST_CALLER_DIR, $env:ARCHIVIST_COMMAND_NAME
    $env:ARCHIVIST_CALLER_DIR = $caller
    $env:ARCHIVIST_COMMAND_NAME = $typed
    try { & dotnet $tool @arguments; $code = $LASTEXITCODE }
    finally { $env:ARCHIVIST_CALLER_DIR, $env:ARCHIVIST_COMMAND_NAME = $saved }
    exit $code
}

# The script works from its own folder and puts the user back where they were, however it ends.
try {
    $command = if ($args.Count -gt 0) { [string]$args[0] } else { '' }
    $rest = if ($args.Count -gt 1) { [string[]]$args[1..($args.Count - 1)] } else { [string[]]@() }
    if ($command -in @('-h', '--help', 'help')) {
        Get-Content build.ps1 | Select-Object -Skip 1 -First 5 | ForEach-Object { $_ -replace '^# ?', '' }
        ''
        Invoke-Tool @('build', '--help')
    }
    elseif ($command -eq '' -or $command.StartsWith('-')) {
        Invoke-Tool (@('build') + [string[]]$args)
    }
    elseif ($command -eq 'test') {
        dotnet test tests/Archivist.Tests/Archivist.Tests.csproj -c Release --nologo @rest
        exit $LASTEXITCODE
    }
    else {
        Invoke-Tool ([string[]]$args)
    }
}
finally { Set-Location $caller }
