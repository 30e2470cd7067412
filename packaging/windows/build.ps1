# Builds dist\hall-desk-setup-<version>.exe on Windows (x64), from the top of the checkout:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11+ (python.org installer, "py" launcher) and Inno Setup 6 (iscc.exe on PATH or
# in its default folder). Steps: a venv in .venv, the program with its `test` and `dist` extras,
# PyInstaller's one-folder program (packaging\hall-desk.spec), the smoke test of that program
# (tests\smoke.py), then the installer (packaging\windows\hall-desk.iss).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install --quiet --upgrade pip
& $py -m pip install --quiet -e ".[test,dist]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$version = & $py -c "import hall_desk; print(hall_desk.__version__)"
Remove-Item -Recurse -Force dist\hall-desk -ErrorAction SilentlyContinue
& .venv\Scripts\pyinstaller.exe --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller packaging\hall-desk.spec
if ($LASTEXITCODE -ne 0) { throw "pyinstaller failed" }

& $py -m tests.smoke dist\hall-desk\hall-desk-cli.exe --version $version
if ($LASTEXITCODE -ne 0) { throw "the smoke test of dist\hall-desk failed" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\hall-desk.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "built dist\hall-desk-setup-$version.exe"
