package bj.gouv.masm.funding;

import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** PTF accountability: funded activities, yearly declarations, invitation campaigns. */
@RestController
@RequiredArgsConstructor
public class FundingController {

    private final FundedActivityService activities;
    private final PtfDeclarationService declarations;
    private final CampaignService campaigns;

    @PostMapping("/api/partners/{id}/funded-activities")
    public ResponseEntity<FundedActivityService.FundedActivity> record(
            @PathVariable Long id, @RequestBody(required = false) FundedActivityService.FundedActivityRequest request) {
        FundedActivityService.FundedActivity created = activities.record(id, request);
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/funded-activities/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/partners/{id}/funded-activities")
    public List<FundedActivityService.FundedActivity> list(@PathVariable Long id) {
        return activities.ofPartner(id);
    }

    @PostMapping("/api/funding/declarations/{year}/open")
    public PtfDeclarationService.OpeningResult openDeclarations(@PathVariable int year) {
        return declarations.openByHand(year);
    }

    @GetMapping("/api/funding/declarations")
    public List<PtfDeclarationService.Declaration> declarations(@RequestParam int year) {
        return declarations.ofYear(year);
    }

    @PostMapping("/api/campaigns/ptf-invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public CampaignService.CampaignResult invitePtfs() {
        return campaigns.invitePtfsWithoutConvention();
    }

    @PostMapping("/api/campaigns/framework-communication")
    @ResponseStatus(HttpStatus.CREATED)
    public CampaignService.CampaignResult communicateFramework(@RequestParam(required = false) String department) {
        return campaigns.communicateFramework(department);
    }
}
