package bj.gouv.masm.coordination;

import bj.gouv.masm.shared.ApiException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coordination bodies, their meetings, the on-schedule indicator and the Joint Commission's extraordinary sessions. */
@RestController
@RequiredArgsConstructor
public class CoordinationController {

    private final CoordinationService service;
    private final CoordinationKpi kpi;
    private final Clock clock;

    @GetMapping("/api/coordination/kpi")
    public CoordinationKpi.Kpi kpi(@RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ApiException.badRequest("Année invalide : " + y);
        }
        return kpi.kpi(y);
    }

    @GetMapping("/api/coordination/bodies")
    public List<CoordinationService.Body> bodies() {
        return service.bodies();
    }

    @PostMapping("/api/coordination/periods/open")
    public CoordinationService.OpeningResult open(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return service.openByHand(date);
    }

    @PostMapping("/api/joint-commission/sessions")
    public ResponseEntity<CoordinationService.Meeting> session(
            @RequestBody(required = false) CoordinationService.SessionRequest request) {
        CoordinationService.Meeting meeting = service.requestJointCommissionSession(request);
        return ResponseEntity.created(URI.create("/api/joint-commission/sessions/" + meeting.id())).body(meeting);
    }
}
