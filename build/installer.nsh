; MotCua NSIS additions (electron-builder.yml nsis.include). The installer is per-machine, so the
; Run key goes under HKLM: every user who logs on to the kiosk gets the app full screen.
!macro customInstall
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "MotCua" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk'
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "MotCua"
!macroend
