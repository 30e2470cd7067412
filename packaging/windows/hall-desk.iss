; Inno Setup 6 script: hall-desk-setup-<version>.exe, the Windows installer of 政务服务中心前台.
; Built on Windows by packaging\windows\build.ps1 (PyInstaller first, then this script):
;   iscc packaging\windows\hall-desk.iss
; It installs for every user of the PC (Program Files, needs an administrator), adds Start-menu
; and desktop shortcuts, and can add a scheduled task that runs `hall-desk-cli sync` every night.
; It writes no data: each user's home is %LOCALAPPDATA%\hall-desk (the program's default), kept
; when the program is uninstalled.

#define AppName "政务服务中心前台"
#define AppExe "hall-desk.exe"
#define CliExe "hall-desk-cli.exe"
#define Program "..\..\dist\hall-desk"
#define TaskName "hall-desk\每晚同步"
; The version is the one PyInstaller wrote into the program's version resource, which the spec
; takes from hall_desk/__init__.py; `iscc /DAppVersion=…` overrides it.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + Program + "\" + AppExe, "ProductVersion")
#endif

[Setup]
AppId={{6E0F3A52-8C1B-4F7E-9D2A-5B7C1E4A9F30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=hall-desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\hall-desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=hall-desk-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\hall-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
InfoAfterFile=..\..\CHANGELOG.md
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
; Recent Inno Setup releases ship ChineseSimplified.isl in their Languages folder; with an older
; one, put the Chinese Simplified file of Inno Setup's translations page there first.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："
Name: "nightlysync"; Description: "每晚自动与大厅共享数据库同步（计划任务，用户登录时运行）"; GroupDescription: "同步："; Flags: unchecked

[Files]
Source: "{#Program}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; The task runs for whoever is logged on (the Users group), in their session, so that it syncs
; their own home in %LOCALAPPDATA%; at the time chosen on the page below (the program's own
; nightly time defaults to 02:00 too). A PC switched off at night syncs when the program starts.
Filename: "powershell.exe"; \
  Parameters: "-NoProfile -ExecutionPolicy Bypass -Command ""$a = New-ScheduledTaskAction -Execute '{app}\{#CliExe}' -Argument 'sync'; $t = New-ScheduledTaskTrigger -Daily -At '{code:SyncTime}'; $p = New-ScheduledTaskPrincipal -GroupId 'S-1-5-32-545'; $s = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 2); Register-ScheduledTask -TaskName '{#TaskName}' -Action $a -Trigger $t -Principal $p -Settings $s -Force"""; \
  Flags: runhidden waituntilterminated; Tasks: nightlysync; StatusMsg: "正在创建每晚同步的计划任务…"
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallRun]
Filename: "powershell.exe"; \
  Parameters: "-NoProfile -ExecutionPolicy Bypass -Command ""Unregister-ScheduledTask -TaskName '{#TaskName}' -Confirm:$false -ErrorAction SilentlyContinue"""; \
  Flags: runhidden waituntilterminated; RunOnceId: "RemoveNightlySync"

[Code]
var
  SyncPage: TInputQueryWizardPage;

procedure InitializeWizard;
begin
  SyncPage := CreateInputQueryPage(wpSelectTasks, '每晚同步', '同步的时间',
    '计划任务每天在此时间（24 小时制，时:分）运行 hall-desk-cli sync。');
  SyncPage.Add('同步时间：', False);
  SyncPage.Values[0] := '02:00';
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = SyncPage.ID) and not WizardIsTaskSelected('nightlysync');
end;

function IsTime(const S: String): Boolean;
var
  H, M: Integer;
begin
  Result := (Length(S) = 5) and (S[3] = ':');
  if Result then
  begin
    H := StrToIntDef(Copy(S, 1, 2), -1);
    M := StrToIntDef(Copy(S, 4, 2), -1);
    Result := (H >= 0) and (H <= 23) and (M >= 0) and (M <= 59);
  end;
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = SyncPage.ID) and not IsTime(Trim(SyncPage.Values[0])) then
  begin
    MsgBox('同步时间应为 时:分，例如 02:00。', mbError, MB_OK);
    Result := False;
  end;
end;

function SyncTime(Param: String): String;
begin
  Result := Trim(SyncPage.Values[0]);
end;
