"""Small DfE returns written by hand (an SSDA903 folder, a CIN census file) and the `portal` command
run on them in a child process."""

import os
import subprocess
from pathlib import Path

from tests.support.processes import portal_command


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(portal_command(*args), capture_output=True, text=True, env={**os.environ, **env}, timeout=120)


HEADER = """CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
A1,1,14/02/2010,WBRI,,,
A2,2,03/07/2015,BAFR,,,
"""
EPISODES = """CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
A1,10/05/2018,S,C2,N1,U1,PR1,02/09/2018,X1,,TS1 4AB,TS5 6BD,
A1,02/09/2018,P,C2,N1,U3,PR1,,,CARPL,TS1 4AB,DL1,
A2,01/01/2019,S,V2,N4,U4,PR2,31/03/2019,E13,,TS2,TS3,
"""
REVIEWS = """CHILD,DOB,REVIEW,REVIEW_CODE
A1,14/02/2010,05/06/2018,PN1
A1,14/02/2010,04/09/2018,PN6
A2,03/07/2015,28/01/2019,PN7
"""


def folder(tmp_path: Path, name: str = "903", header: str = HEADER, episodes: str = EPISODES, reviews: str = REVIEWS) -> Path:
    directory = tmp_path / name
    directory.mkdir()
    for file, text in (("header.csv", header), ("episodes.csv", episodes), ("reviews.csv", reviews)):
        (directory / file).write_text(text, encoding="utf-8")
    return directory


CENSUS = """<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header><Source><LEA>999</LEA></Source></Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>A1</LAchildID>
        <PersonBirthDate>2010-02-14</PersonBirthDate>
        <GenderCurrent>1</GenderCurrent>
      </ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2018-04-20</CINreferralDate>
        <Section47>
          <S47ActualStartDate>2018-04-23</S47ActualStartDate>
          <DateOfInitialCPC>2018-05-11</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2018-05-11</CPPstartDate>
          <CPPendDate>2019-03-31</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>MUL</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2018-08-10</CPPreviewDate><CPPreviewDate>2019-02-01</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>C7</LAchildID><PersonBirthDate>2016-09-30</PersonBirthDate></ChildIdentifiers>
      <CINdetails>
        <Section47><S47ActualStartDate>2019-01-07</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""


def census(tmp_path: Path, text: str = CENSUS, name: str = "cin.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


